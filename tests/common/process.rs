//! The `ketnoi` binary as a separate process: commands with a data
//! directory of their own, and servers on a free local port that are killed
//! when dropped.

use std::path::Path;
use std::process::{Child, Command};
use std::time::Duration;

use serde_json::{Value, json};

/// The `ketnoi` binary, started by `launcher` when one is given (such as
/// `["prlimit", "--as=…", "--"]`), with its data in `data_dir`, no
/// database URL from the environment and rate limits out of the way (the
/// tests measure other things).
pub fn ketnoi(data_dir: &Path, launcher: &[&str]) -> Command {
    let binary = env!("CARGO_BIN_EXE_ketnoi");
    let mut command = match launcher.split_first() {
        Some((program, args)) => {
            let mut command = Command::new(program);
            command.args(args).arg(binary);
            command
        }
        None => Command::new(binary),
    };
    command
        .env_remove("DATABASE_URL")
        .env("KETNOI_DATA_DIR", data_dir)
        .env("KETNOI_RATE_PER_ADDRESS", "1000000")
        .env("KETNOI_RATE_BURST_PER_ADDRESS", "1000000")
        .env("KETNOI_RATE_PER_TOKEN", "1000000")
        .env("KETNOI_RATE_BURST_PER_TOKEN", "1000000");
    command
}

/// A `ketnoi serve` process; dropping it kills it.
pub struct ServerProcess {
    pub child: Child,
    /// `http://127.0.0.1:<port>`.
    pub base: String,
}

impl ServerProcess {
    /// Runs `command` with `serve --bind 127.0.0.1:<a free port>` and then
    /// `options` added, and waits until it is ready, failing the test after
    /// `within`.
    pub async fn start(mut command: Command, options: &[&str], within: Duration) -> ServerProcess {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .expect("a free port")
            .local_addr()
            .expect("address")
            .port();
        let child = command
            .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
            .args(options)
            .spawn()
            .expect("start the server");
        // Made before waiting, so that a server that never gets ready is
        // killed when the test fails.
        let server = ServerProcess {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        super::wait_until_ready(&server.base, within).await;
        server
    }

    /// Kills the server with SIGKILL and reaps it.
    pub fn kill(&mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("reaped");
    }

    /// Posts a GraphQL request (with `token`, when given) and returns the
    /// JSON answer; `None` when the server did not answer with JSON.
    pub async fn post(
        &self,
        client: &reqwest::Client,
        token: Option<&str>,
        body: &Value,
    ) -> Option<Value> {
        let mut request = client.post(format!("{}/graphql", self.base)).json(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.ok()?.json().await.ok()
    }

    /// Signs in over HTTP and returns the bearer token.
    pub async fn sign_in(&self, client: &reqwest::Client, email: &str, password: &str) -> String {
        let body = self
            .post(
                client,
                None,
                &json!({
                    "query": "mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { token } }",
                    "variables": { "e": email, "p": password }
                }),
            )
            .await
            .expect("an answer to signIn");
        body["data"]["signIn"]["token"]
            .as_str()
            .unwrap_or_else(|| panic!("sign in: {body}"))
            .to_string()
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The operator's e-mail address that [`create_operator`] uses.
pub const OPERATOR_EMAIL: &str = "op@example.vn";

/// Runs `command admin create` for [`OPERATOR_EMAIL`] with `password`,
/// failing the test when it fails.
pub fn create_operator(mut command: Command, password: &str) {
    let created = command
        .args(["admin", "create", "--email", OPERATOR_EMAIL])
        .args(["--password", password])
        .output()
        .expect("admin create");
    assert!(created.status.success(), "{created:?}");
}
