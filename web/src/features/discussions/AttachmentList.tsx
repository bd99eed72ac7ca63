import type { Attachment } from "../../../../contract/discussions";
import { formatFileSize } from "../../components/format";
import styles from "./AttachmentList.module.css";

/** A post's files; the server checks on each download that the reader may see the thread. */
export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul className={styles.list}>
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          <a href={`/api/v1/files/${attachment.id}`} download={attachment.name}>
            Download {attachment.name} ({formatFileSize(attachment.byteSize)})
          </a>
        </li>
      ))}
    </ul>
  );
}
