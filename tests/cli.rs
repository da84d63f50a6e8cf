//! The `ketnoi` binary, as an operator uses it.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::process::ServerProcess;

fn ketnoi(data_dir: &Path) -> Command {
    let mut cmd = common::process::ketnoi(data_dir, &[]);
    cmd.env("RUST_LOG", "warn");
    cmd
}

fn run(cmd: &mut Command) -> (bool, String, String) {
    let out = cmd.output().expect("run ketnoi");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, stdout, _) = run(ketnoi(dir.path()).arg("schema"));
    assert!(ok);
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schema.graphql")).unwrap();
    assert_eq!(stdout, committed);
}

#[test]
fn generate_import_export_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data.jsonl");
    let (ok, _, stderr) = run(ketnoi(dir.path())
        .args([
            "generate",
            "--startups",
            "300",
            "--investors",
            "40",
            "--mentors",
            "60",
            "--seed",
            "9",
            "-o",
        ])
        .arg(&data));
    assert!(ok, "{stderr}");
    assert!(stderr.contains("300 startup"), "{stderr}");

    let (ok, _, stderr) = run(ketnoi(&dir.path().join("one")).arg("import").arg(&data));
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("300 startup") && stderr.contains("records/s"),
        "{stderr}"
    );

    // `reindex` builds the search index from the database: one document
    // per startup, investor, mentor, organisation and event.
    let (ok, _, stderr) = run(ketnoi(&dir.path().join("one")).arg("reindex"));
    assert!(ok, "{stderr}");
    let index = ketnoi::search::SearchIndex::open_or_create(&dir.path().join("one").join("search"))
        .expect("open the index");
    assert!(index.len() > 400, "{} documents", index.len());
    assert!(
        stderr.contains(&format!("indexed {} documents", index.len())),
        "{stderr}"
    );
    drop(index);

    let exported = dir.path().join("export.jsonl");
    let (ok, _, stderr) = run(ketnoi(&dir.path().join("one"))
        .args(["export", "-o"])
        .arg(&exported));
    assert!(ok, "{stderr}");
    let (ok, _, stderr) = run(ketnoi(&dir.path().join("two")).arg("import").arg(&exported));
    assert!(ok, "{stderr}");
    let (ok, again, _) = run(ketnoi(&dir.path().join("two")).arg("export"));
    assert!(ok);
    assert_eq!(
        std::fs::read_to_string(&exported).unwrap(),
        again,
        "export → import → export is stable"
    );
    let lines = std::fs::read_to_string(&data).unwrap().lines().count();
    assert_eq!(
        again.lines().count(),
        lines,
        "every generated record survives the round trip"
    );
}

#[test]
fn a_failed_import_names_the_line_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.jsonl");
    std::fs::write(
        &good,
        "{\"type\":\"sector\",\"key\":\"ai\",\"name\":\"AI\",\"name_en\":\"AI\"}\n",
    )
    .unwrap();
    assert!(run(ketnoi(dir.path()).arg("import").arg(&good)).0);
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"type\":\"sector\",\"key\":\"edtech\",\"name\":\"Giáo dục\",\"name_en\":\"Edtech\"}\n\
         {\"type\":\"startup\",\"key\":\"s\",\"name\":\"S\",\"stage\":\"SEED\",\"team_size\":\"seven\"}\n",
    )
    .unwrap();
    let (ok, _, stderr) = run(ketnoi(dir.path()).arg("import").arg(&bad));
    assert!(!ok, "a bad file fails");
    assert!(stderr.contains("line 2: field `team_size`"), "{stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.to_lowercase().contains("select "),
        "{stderr}"
    );
    let (_, exported, _) = run(ketnoi(dir.path()).arg("export"));
    assert!(
        !exported.contains("edtech"),
        "nothing from the failed file was written"
    );
    assert!(exported.contains("\"ai\""));

    let (ok, _, stderr) = run(ketnoi(dir.path()).args(["import", "/no/such/file.jsonl"]));
    assert!(!ok);
    assert!(stderr.contains("cannot open"), "{stderr}");
}

#[tokio::test]
async fn serve_demo_answers_with_the_demo_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let mut command = ketnoi(dir.path());
    command.stdout(Stdio::null()).stderr(Stdio::null());
    let server = ServerProcess::start(command, &["--demo"], Duration::from_secs(60)).await;
    let client = reqwest::Client::new();
    let html = client
        .get(format!("{}/graphql", server.base))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("graphiql") && html.contains("query AgritechInCanTho"),
        "the playground with examples"
    );
    let result = server
        .post(
            &client,
            None,
            &serde_json::json!({"query": "{ startups { totalCount } investors { totalCount } mentors { totalCount } events(filter: {}) { nodes { title } } provinces { key } }"}),
        )
        .await
        .expect("a JSON answer");
    let data = &result["data"];
    assert!(
        data["startups"]["totalCount"].as_i64().unwrap() >= 150,
        "{result}"
    );
    assert!(
        data["investors"]["totalCount"].as_i64().unwrap() >= 40,
        "{result}"
    );
    assert!(
        data["mentors"]["totalCount"].as_i64().unwrap() >= 60,
        "{result}"
    );
    let provinces: Vec<&str> = common::texts(&data["provinces"], "/key");
    for p in ["hai-phong", "hung-yen", "ho-chi-minh", "can-tho"] {
        assert!(provinces.contains(&p), "{p} in {provinces:?}");
    }
    assert!(result.to_string().contains("Techfest"), "{result}");
}

#[test]
fn report_writes_a_plans_spreadsheet_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data.jsonl");
    std::fs::write(
        &data,
        format!("{}{}", common::SAMPLE, common::REPORT_RECORDS),
    )
    .unwrap();
    let (ok, _, stderr) = run(ketnoi(dir.path()).arg("import").arg(&data));
    assert!(ok, "{stderr}");

    let xlsx = dir.path().join("bao-cao.xlsx");
    let (ok, _, stderr) = run(ketnoi(dir.path())
        .args([
            "report",
            "--plan",
            "can-tho-2021-2025",
            "--period",
            "2023",
            "-o",
        ])
        .arg(&xlsx));
    assert!(ok, "{stderr}");
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).expect("an xlsx file");
    assert_eq!(
        book.sheet_names(),
        ["can-tho-2021-2025", "Số liệu chi tiết"]
    );
    let sheet = book.worksheet_range("can-tho-2021-2025").unwrap();
    let row = sheet
        .rows()
        .find(|r| r[0] == "y-tuong-du-an")
        .expect("the target's row");
    // Cần Thơ supported Lúa Xanh and Ví Mekong from the plan's start to
    // the end of 2023.
    assert_eq!(row[6].to_string(), "2", "{row:?}");
    let details = book.worksheet_range("Số liệu chi tiết").unwrap();
    assert!(
        details.rows().any(|r| r[2] == "Lúa Xanh"),
        "the records behind the figure"
    );

    let csv = dir.path().join("bao-cao.csv");
    let (ok, _, stderr) = run(ketnoi(dir.path())
        .args(["report", "--plan", "can-tho-2021-2025", "-o"])
        .arg(&csv));
    assert!(ok, "{stderr}");
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("\u{feff}Mã chỉ tiêu,Chỉ tiêu"), "{text}");
    assert!(text.contains("y-tuong-du-an"), "{text}");

    let (ok, _, stderr) = run(ketnoi(dir.path())
        .args(["report", "--plan", "khong-co", "-o"])
        .arg(&csv));
    assert!(
        !ok && stderr.contains("no plan with key `khong-co`"),
        "{stderr}"
    );
}
