import { writeSet } from "./roster-test-support";

const AT = "2024-09-01T00:00:00Z";
const FILES = [
  "orgs",
  "academicSessions",
  "classes",
  "users",
  "roles",
  "enrollments",
  "categories",
  "scoreScales",
  "lineItems",
  "lineItemScoreScales",
  "lineItemLearningObjectiveIds",
  "results",
  "resultLearningObjectiveIds",
];

/**
 * A OneRoster 1.2 set with a gradebook: three line items of one class, results, and learning objectives (one CASE
 * identifier, `caseId`, and one local id), as a SIS exports it. Emails are unique across an installation: a second
 * district needs its own `emailDomain`.
 */
export function gradebookSet(folder: string, caseId: string, emailDomain = "gradebook.example") {
  const csv = (header: string, rows: string[]) => `${[header, ...rows].join("\n")}\n`;
  const user = (sid: string, given: string) =>
    `${sid},active,${AT},true,${sid},,${given},Okafor,,,${sid.startsWith("t") ? `${sid}@${emailDomain}` : ""},,,,,,,,,,org-1,`;
  return writeSet(folder, {
    "manifest.csv": csv("propertyName,value", [
      "manifest.version,1.0",
      "oneroster.version,1.2",
      ...FILES.map((f) => `file.${f},bulk`),
    ]),
    "orgs.csv": csv("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId", [
      `org-1,active,${AT},Cedar Middle School,school,,`,
    ]),
    "academicSessions.csv": csv(
      "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
      [`term-1,active,${AT},Fall,term,2024-08-15,2024-12-20,,2025`],
    ),
    "classes.csv": csv(
      "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
      [`cls-1,active,${AT},Math 5,05,crs-1,M5,scheduled,,org-1,term-1,,,`],
    ),
    "users.csv": csv(
      "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns",
      [user("t-1", "Tomi"), user("s-1", "Ada"), user("s-2", "Bea"), user("s-3", "Cy")],
    ),
    "roles.csv": csv(
      "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId",
      ["t-1", "s-1", "s-2", "s-3"].map(
        (u) => `role-${u},active,${AT},${u},primary,${u.startsWith("t") ? "teacher" : "student"},,,org-1,`,
      ),
    ),
    "enrollments.csv": csv(
      "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate",
      ["t-1", "s-1", "s-2", "s-3"].map(
        (u) => `enr-${u},active,${AT},cls-1,org-1,${u},${u.startsWith("t") ? "teacher" : "student"},,,`,
      ),
    ),
    "categories.csv": csv("sourcedId,status,dateLastModified,title,weight", [`cat-1,active,${AT},Formative,1`]),
    "scoreScales.csv": csv(
      "sourcedId,status,dateLastModified,title,type,orgSourcedId,courseSourcedId,classSourcedId,scoreScaleValue",
      [
        `ss-1,active,${AT},Proficiency,proficiency,org-1,crs-1,cls-1,"{1:Beginning},{2:Developing},{3:Proficient},{4:Advanced}"`,
      ],
    ),
    "lineItems.csv": csv(
      "sourcedId,status,dateLastModified,title,description,assignDate,dueDate,classSourcedId,categorySourcedId,academicSessionSourcedId,resultValueMin,resultValueMax,schoolSourcedId",
      [
        `li-1,active,${AT},Fractions check,Unit 3,2024-09-10,2024-09-12,cls-1,cat-1,term-1,0,10,org-1`,
        `li-2,active,${AT},Exit ticket,,2024-09-11,2024-09-11,cls-1,cat-1,term-1,0,5,org-1`,
        `li-3,active,${AT},Scale quiz,,2024-09-12,2024-09-12,cls-1,cat-1,term-1,,,org-1`,
      ],
    ),
    "lineItemScoreScales.csv": csv("sourcedId,status,dateLastModified,title,lineItemSourcedId,scoreScaleSourcedId", [
      `lss-1,active,${AT},,li-3,ss-1`,
    ]),
    "lineItemLearningObjectiveIds.csv": csv(
      "sourcedId,status,dateLastModified,lineItemSourcedId,source,learningObjectiveId",
      [
        `lo-1,active,${AT},li-1,case,${caseId}`,
        `lo-2,active,${AT},li-1,unknown,LOCAL-7`,
        `lo-3,active,${AT},li-3,case,${caseId.toUpperCase()}`,
      ],
    ),
    "results.csv": csv(
      "sourcedId,status,dateLastModified,lineItemSourcedId,studentSourcedId,scoreStatus,score,scoreDate,comment,textScore,classSourcedId,inProgress,incomplete,late,missing",
      [
        `r-1,active,${AT},li-1,s-1,fully graded,8,2024-09-11,,,,,,,`,
        `r-2,active,${AT},li-1,s-2,exempt,,2024-09-11,,,,,,,`,
        `r-3,active,${AT},li-1,s-3,not submitted,,2024-09-11,,,,,,,`,
        `r-4,active,${AT},li-2,s-1,submitted,4,2024-09-11,,,,,,,`,
        `r-5,active,${AT},li-3,s-1,Fully Graded,3,2024-09-12,,,cls-1,,,,`,
      ],
    ),
    "resultLearningObjectiveIds.csv": csv(
      "sourcedId,status,dateLastModified,resultSourcedId,source,learningObjectiveId,score,textScore",
      [
        `rlo-1,active,${AT},r-1,case,${caseId},9,`,
        `rlo-2,active,${AT},r-1,unknown,LOCAL-7,4,`,
        `rlo-3,active,${AT},r-5,case,${caseId},3,`,
        `rlo-4,active,${AT},r-2,case,${caseId},5,`,
      ],
    ),
  });
}
