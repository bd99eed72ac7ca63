import { Command, Option } from "commander";
import { ROLES, type RoleName } from "../contract/people";
import { createUser } from "./cli/create-user";
import { importOneRosterFromCli } from "./cli/import-oneroster";
import { loadConfig } from "./config";
import { databaseReason, exportDistrict, importDistrict } from "./db/district-dump";
import { migrateDatabase } from "./db/migrate";
import { DEMO_DISTRICT, demoLogins, hasDemoDistrict, seedDemoDistrict } from "./demo/demo-district";
import { generateDistrict } from "./demo/large-district/generate-district";
import { ensureWebBuild, openConfiguredDatabase, serve } from "./serve";

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function withDatabase<T>(
  work: (db: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<T>,
): Promise<T> {
  const database = await openConfiguredDatabase(loadConfig());
  try {
    await migrateDatabase(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}

function printLogins(url: string) {
  print("");
  print(`Collective is running at ${url}`);
  print("");
  print(`Demo logins (${DEMO_DISTRICT.name}), password for all: ${demoLogins()[0]?.password}`);
  for (const login of demoLogins()) {
    print(`  ${login.role.padEnd(17)} ${login.email.padEnd(36)} ${login.school ?? "district-wide"}`);
  }
  print("");
}

/** An error as one printable line: a failed query's SQL and parameters (personal data) are never printed. */
function errorLine(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if ("query" in error && "params" in error) return `The database refused a statement: ${databaseReason(error)}.`;
  return error.message.split("\n")[0] ?? "";
}

const program = new Command("collective").description("Collective: professional learning communities for schools");

program
  .command("start")
  .description("migrate, seed the demo district on first start, build the web app if needed, and serve")
  .action(async () => {
    const config = loadConfig();
    await ensureWebBuild(print);
    await serve(config, async (url) => printLogins(url), { seedDemoOnFirstStart: true });
  });

program
  .command("serve")
  .description("migrate and serve the API and web app")
  .action(async () => {
    await serve(loadConfig(), (url) => print(`Collective is running at ${url}`));
  });

program
  .command("migrate")
  .description("apply database migrations")
  .action(async () => {
    await withDatabase(async (database) => print(`Migrated the ${database.kind} database.`));
  });

program
  .command("seed-demo")
  .description("create the demo district (once)")
  .action(async () => {
    await withDatabase(async ({ db }) => {
      if (await hasDemoDistrict(db)) {
        print("The demo district is already there.");
        return;
      }
      await seedDemoDistrict(db);
      print(`Created ${DEMO_DISTRICT.name}.`);
    });
  });

program
  .command("demo-logins")
  .description("print the demo accounts")
  .option("--json", "as JSON: [{email,password,role,school}]")
  .action((options: { json?: boolean }) => {
    if (options.json) {
      print(JSON.stringify(demoLogins()));
      return;
    }
    for (const login of demoLogins()) print(`${login.role}\t${login.email}\t${login.password}\t${login.school ?? ""}`);
  });

program
  .command("create-user")
  .description("create an active account with a role (prints a generated password unless --password is given)")
  .requiredOption("--email <email>")
  .addOption(new Option("--role <role>").choices(ROLES).makeOptionMandatory())
  .requiredOption("--district <slug>", "the district's slug (created if it does not exist)")
  .option("--school <name>", "the school, for school roles")
  .option("--name <name>", "display name")
  .option("--password <password>")
  .action(
    async (options: {
      email: string;
      role: RoleName;
      district: string;
      school?: string;
      name?: string;
      password?: string;
    }) => {
      await withDatabase(async ({ db }) => {
        const { password } = await createUser(db, options);
        print(`Created ${options.email} (${options.role}) in ${options.district}.`);
        if (!options.password) print(`Password: ${password}`);
      });
    },
  );

program
  .command("export-db")
  .description("write a whole-district dump (newline-delimited JSON)")
  .requiredOption("--district <slug>")
  .requiredOption("--out <file>")
  .action(async (options: { district: string; out: string }) => {
    await withDatabase(async ({ db, kind }) => {
      const counts = await exportDistrict(db, options.district, options.out);
      print(`Exported ${options.district} from ${kind} to ${options.out}:`);
      for (const [table, n] of Object.entries(counts)) print(`  ${table.padEnd(20)} ${n}`);
    });
  });

program
  .command("import-db")
  .description("restore a whole-district dump into this database, in one transaction")
  .requiredOption("--in <file>")
  .option("--replace", "replace the district if it already exists")
  .action(async (options: { in: string; replace?: boolean }) => {
    await withDatabase(async ({ db, kind }) => {
      const counts = await importDistrict(db, options.in, { replace: options.replace ?? false });
      print(`Imported into ${kind}:`);
      for (const [table, n] of Object.entries(counts)) print(`  ${table.padEnd(20)} ${n}`);
    });
  });

program
  .command("import")
  .description("import data from other systems")
  .command("oneroster <source>")
  .description("import a OneRoster 1.1 or 1.2 CSV set (a folder or a zip) into a district, all or nothing")
  .requiredOption("--district <slug>")
  .action(async (source: string, options: { district: string }) => {
    await withDatabase(async (database) => {
      const isTty = process.stdout.isTTY === true;
      const landed = await importOneRosterFromCli(database, {
        source,
        district: options.district,
        print,
        isTty,
        limits: loadConfig().importLimits,
      });
      if (!landed) process.exitCode = 1;
    });
  });

program
  .command("generate-district")
  .description(
    "build a large district deterministically: roster (through the OneRoster import), teams, assessments, results",
  )
  .option("--students <n>", "number of students", "50000")
  .option("--slug <slug>", "the new district's slug", "generated")
  .option("--assessments <n>", "number of assessments (default: 200 per 50,000 students)")
  .option("--as-of <date>", "the district's today (YYYY-MM-DD); its school year moves by whole weeks to end there")
  .action(async (options: { students: string; slug: string; assessments?: string; asOf?: string }) => {
    const students = Number(options.students);
    if (!Number.isInteger(students) || students < 1) throw new Error("--students must be a positive whole number");
    await withDatabase(async (database) => {
      const started = performance.now();
      const result = await generateDistrict(database, {
        students,
        slug: options.slug,
        ...(options.assessments ? { assessments: Number(options.assessments) } : {}),
        ...(options.asOf ? { asOf: options.asOf } : {}),
        log: print,
      });
      print(`Roster imported in ${result.rosterSeconds.toFixed(1)} s:`);
      for (const [entity, n] of Object.entries(result.roster)) print(`  ${entity.padEnd(20)} ${n}`);
      print(`Evidence generated in ${result.evidenceSeconds.toFixed(1)} s:`);
      for (const [entity, n] of Object.entries(result.evidence)) print(`  ${entity.padEnd(20)} ${n}`);
      print(`District "${options.slug}" ready in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    });
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${errorLine(error)}\n`);
  process.exit(1);
});
