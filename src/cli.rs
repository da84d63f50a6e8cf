//! The command line: `serve` (the default), `migrate`, `import`, `export`,
//! `reindex`, `generate` and `schema`. Every option has an environment
//! variable.

use std::fmt;
use std::io::{BufReader, BufWriter, Write};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::error::Error;
use crate::graphql::Limits;
use crate::graphql::limits::Introspection;
use crate::http::HttpConfig;
use crate::http::throttle::{Allowance, RateLimits};
use crate::search::SearchIndex;
use crate::store::{ListQuery, StartupFilter, Store};
use crate::transfer::{self, Counts};

/// ketnoi: the GraphQL backend of an innovative-startup ecosystem.
#[derive(Debug, Parser)]
#[command(name = "ketnoi", version, about)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    /// What to do (default: serve).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command takes.
#[derive(Args)]
pub struct Global {
    /// Where the SQLite database lives (created on first run).
    #[arg(long, env = "KETNOI_DATA_DIR", default_value = "./data", global = true)]
    pub data_dir: PathBuf,
    /// A `postgres://` URL to use PostgreSQL instead of SQLite in the data
    /// directory (or `sqlite:PATH` for another SQLite file).
    #[arg(long, env = "DATABASE_URL", hide_env_values = true, global = true)]
    pub database_url: Option<String>,
    /// Where the search index lives (default: `search` in the data
    /// directory). Each server process needs its own.
    #[arg(long, env = "KETNOI_INDEX_DIR", global = true)]
    pub index_dir: Option<PathBuf>,
    /// Log format.
    #[arg(
        long,
        env = "KETNOI_LOG_FORMAT",
        value_enum,
        default_value = "text",
        global = true
    )]
    pub log_format: LogFormat,
}

impl fmt::Debug for Global {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The database URL may hold a password.
        f.debug_struct("Global")
            .field("data_dir", &self.data_dir)
            .field(
                "database_url",
                &self.database_url.as_ref().map(|_| "[redacted]"),
            )
            .field("index_dir", &self.index_dir)
            .field("log_format", &self.log_format)
            .finish()
    }
}

impl Global {
    /// The database URL: the one given, or SQLite in the data directory.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) if !url.trim().is_empty() => url.clone(),
            _ => format!("sqlite:{}", self.data_dir.join("ketnoi.db").display()),
        }
    }

    /// The search index's directory.
    pub fn index_dir(&self) -> PathBuf {
        self.index_dir
            .clone()
            .unwrap_or_else(|| self.data_dir.join("search"))
    }
}

/// How logs are written (to standard error).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the HTTP server (the default command).
    Serve(ServeArgs),
    /// Apply database migrations and exit (serve does this too).
    Migrate,
    /// Import a data file (JSON Lines; `-` reads standard input) or a filled
    /// spreadsheet (`.xlsx`, or `.csv` with `--type`), all or nothing.
    Import(ImportArgs),
    /// Write the spreadsheet template officials fill in (`.xlsx`: a sheet per
    /// record kind with Vietnamese headers, and the allowed values).
    Template(TemplateArgs),
    /// Export the whole database as a data file.
    Export(ExportArgs),
    /// Write a plan's report: `.xlsx` (the targets against what was done,
    /// year by year with a chart per target, and the records behind each
    /// figure) or `.csv` (the targets), by the output's extension.
    Report(ReportArgs),
    /// Rebuild the search index from the database (servers do this by
    /// themselves when the index is missing or outdated).
    Reindex,
    /// Write a deterministic synthetic dataset as a data file.
    Generate(GenerateArgs),
    /// Print the GraphQL schema (SDL).
    Schema,
    /// Measure recommendation quality on generated data (NDCG@10 and
    /// recall@10 of the engine against random, popularity and text-only
    /// BM25), optionally tuning the weights on another seed first.
    Evaluate(EvaluateArgs),
    /// Manage operator accounts.
    #[command(subcommand)]
    Admin(AdminCommand),
}

/// `ketnoi admin ...`.
#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create an operator (ADMIN) account.
    Create(AdminCreateArgs),
}

/// Options of `admin create`.
#[derive(Args)]
pub struct AdminCreateArgs {
    /// The operator's e-mail address.
    #[arg(long)]
    pub email: String,
    /// The password (at least 10 characters); read from standard input when
    /// absent, which keeps it out of the shell history and process list.
    #[arg(long)]
    pub password: Option<String>,
    /// The name to show.
    #[arg(long)]
    pub name: Option<String>,
}

impl fmt::Debug for AdminCreateArgs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AdminCreateArgs")
            .field("email", &self.email)
            .field("password", &self.password.as_ref().map(|_| "[redacted]"))
            .field("name", &self.name)
            .finish()
    }
}

/// Options of `evaluate`.
#[derive(Debug, Args, Clone)]
pub struct EvaluateArgs {
    /// Startups to generate.
    #[arg(long, default_value_t = 3000)]
    pub startups: usize,
    /// Investors to generate.
    #[arg(long, default_value_t = 1000)]
    pub investors: usize,
    /// Mentors to generate.
    #[arg(long, default_value_t = 1500)]
    pub mentors: usize,
    /// Startups evaluated (among those with relevant candidates).
    #[arg(long, default_value_t = 300)]
    pub sample: usize,
    /// The seed of the data reported on.
    #[arg(long, default_value_t = 2)]
    pub seed: u64,
    /// Weights to evaluate (a TOML file as for `serve --matching-config`;
    /// default: the built-in weights).
    #[arg(long)]
    pub weights: Option<PathBuf>,
    /// Random-search this many weight settings on `--tune-seed` first and
    /// report the best one too.
    #[arg(long, default_value_t = 0)]
    pub tune: usize,
    /// The seed of the data weights are tuned on (must differ from `--seed`).
    /// With `--from-database`, the seeds of the two held-out splits: weights
    /// are fitted on the `--tune-seed` split and reported on the `--seed` one.
    #[arg(long, default_value_t = 1)]
    pub tune_seed: u64,
    /// Evaluate on the database (`--data-dir` or `--database-url`) instead
    /// of generated data: on its own history, the share `--hide` of its
    /// investments hidden.
    #[arg(long)]
    pub from_database: bool,
    /// The share of recorded investments hidden and predicted (0 to 1).
    #[arg(long, default_value_t = 0.2)]
    pub hide: f64,
    /// With `--from-database`: grades to judge the database's matches by
    /// too, a JSON file `{"investors": {startup key: {investor key: grade
    /// 0-3}}, "mentors": {...}}` (a missing pair is 0), as
    /// `scripts/ecosystem2/generate.py` writes beside its data.
    #[arg(long, requires = "from_database")]
    pub truth: Option<PathBuf>,
}

/// Options of `serve`.
#[derive(Debug, Args, Clone)]
pub struct ServeArgs {
    /// The address to listen on.
    #[arg(long, env = "KETNOI_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// Load the demo dataset when the database has no startups yet.
    #[arg(long, env = "KETNOI_DEMO")]
    pub demo: bool,
    /// The largest request body, in bytes (larger gets 413).
    #[arg(long, env = "KETNOI_BODY_LIMIT", default_value_t = 256 * 1024)]
    pub body_limit: usize,
    /// Seconds a request may take before it is cancelled (408).
    #[arg(long, env = "KETNOI_REQUEST_TIMEOUT", default_value_t = 30)]
    pub request_timeout: u64,
    /// Hours a sign-in token stays valid.
    #[arg(long, env = "KETNOI_TOKEN_TTL_HOURS", default_value_t = 720)]
    pub token_ttl_hours: u64,
    /// Wrong passwords one account may take in a row; after them each
    /// sign-in to it waits its turn (a second, doubling with each further
    /// wrong password up to 16), and a right password still signs in.
    #[arg(long, env = "KETNOI_SIGN_IN_ATTEMPTS_PER_ACCOUNT", default_value_t = 5)]
    pub sign_in_attempts_per_account: u32,
    /// Sign-in attempts one client address may make in a row; then ten a minute.
    #[arg(
        long,
        env = "KETNOI_SIGN_IN_ATTEMPTS_PER_ADDRESS",
        default_value_t = 20
    )]
    pub sign_in_attempts_per_address: u32,
    /// Sign-ups one client address may make in a row; then ten a minute.
    #[arg(long, env = "KETNOI_SIGN_UPS_PER_ADDRESS", default_value_t = 50)]
    pub sign_ups_per_address: u32,
    /// Development (introspection and suggestions for everyone) or
    /// production (introspection for signed-in users only, no suggestions).
    #[arg(long, env = "KETNOI_MODE", value_enum, default_value = "development")]
    pub mode: Mode,
    /// Who may introspect the schema (default: by mode).
    #[arg(long, env = "KETNOI_INTROSPECTION", value_enum)]
    pub introspection: Option<Introspection>,
    /// The deepest selection nesting a query may have.
    #[arg(long, env = "KETNOI_MAX_DEPTH", default_value_t = Limits::default().max_depth)]
    pub max_depth: usize,
    /// The highest query complexity (fields cost 1, lists their page size).
    #[arg(long, env = "KETNOI_MAX_COMPLEXITY", default_value_t = Limits::default().max_complexity)]
    pub max_complexity: usize,
    /// The deepest nesting of a document's text (brackets of selections,
    /// arguments and lists), which bounds the parser's recursion.
    #[arg(long, env = "KETNOI_MAX_RECURSION", default_value_t = Limits::default().max_recursive_depth)]
    pub max_recursion: usize,
    /// The most directives on one field.
    #[arg(long, env = "KETNOI_MAX_DIRECTIVES", default_value_t = Limits::default().max_directives)]
    pub max_directives: usize,
    /// The most aliases in one document.
    #[arg(long, env = "KETNOI_MAX_ALIASES", default_value_t = Limits::default().max_aliases)]
    pub max_aliases: usize,
    /// The most selections a document may stand for once its fragments are
    /// expanded (fields, spreads and inline fragments, counted at every
    /// spread).
    #[arg(long, env = "KETNOI_MAX_SELECTIONS", default_value_t = Limits::default().max_selections)]
    pub max_selections: usize,
    /// The most operations in one batched request.
    #[arg(long, env = "KETNOI_MAX_BATCH", default_value_t = Limits::default().max_batch)]
    pub max_batch: usize,
    /// Requests per second one client address may make in the long run.
    #[arg(long, env = "KETNOI_RATE_PER_ADDRESS", default_value_t = RateLimits::default().per_address.per_second)]
    pub rate_per_address: u32,
    /// Requests one client address may make at once.
    #[arg(long, env = "KETNOI_RATE_BURST_PER_ADDRESS", default_value_t = RateLimits::default().per_address.burst)]
    pub rate_burst_per_address: u32,
    /// Requests per second one token may make in the long run.
    #[arg(long, env = "KETNOI_RATE_PER_TOKEN", default_value_t = RateLimits::default().per_token.per_second)]
    pub rate_per_token: u32,
    /// Requests one token may make at once.
    #[arg(long, env = "KETNOI_RATE_BURST_PER_TOKEN", default_value_t = RateLimits::default().per_token.burst)]
    pub rate_burst_per_token: u32,
    /// Origins browsers may call the API from, comma-separated (`*`: any).
    #[arg(long, env = "KETNOI_CORS_ORIGINS", value_delimiter = ',')]
    pub cors_origins: Vec<String>,
    /// Addresses of reverse proxies whose `X-Forwarded-For` is believed,
    /// comma-separated (rate limits then apply to the real clients).
    #[arg(long, env = "KETNOI_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// The largest response body, in bytes (larger gets a
    /// `RESPONSE_TOO_LARGE` error).
    #[arg(long, env = "KETNOI_MAX_RESPONSE_BYTES", default_value_t = HttpConfig::default().max_response_bytes)]
    pub max_response_bytes: usize,
    /// GraphQL requests handled at once; past them 503 with `retry-after`
    /// (`/healthz` and `/readyz` are not counted).
    #[arg(long, env = "KETNOI_MAX_IN_FLIGHT", default_value_t = HttpConfig::default().max_in_flight)]
    pub max_in_flight: usize,
    /// Heavy operations run at once (default: twice the cores); past them
    /// a heavy one gets 503 while cheaper ones go on.
    #[arg(long, env = "KETNOI_MAX_HEAVY_IN_FLIGHT", default_value_t = HttpConfig::default().max_heavy_in_flight)]
    pub max_heavy_in_flight: usize,
    /// The query complexity from which an operation counts as heavy.
    #[arg(long, env = "KETNOI_HEAVY_COMPLEXITY", default_value_t = HttpConfig::default().heavy_complexity)]
    pub heavy_complexity: usize,
    /// Seconds requests in flight may take to finish after SIGTERM or
    /// Ctrl-C; then the server stops without them.
    #[arg(long, env = "KETNOI_SHUTDOWN_GRACE", default_value_t = 10)]
    pub shutdown_grace: u64,
    /// Milliseconds between the search indexer's looks at the change log
    /// (writes become searchable within about this, plus a commit).
    #[arg(long, env = "KETNOI_SEARCH_POLL_MS", default_value_t = 100)]
    pub search_poll_ms: u64,
    /// A TOML file of matching weights (see the README); unset means the
    /// documented defaults.
    #[arg(long, env = "KETNOI_MATCHING_CONFIG")]
    pub matching_config: Option<PathBuf>,
}

/// How the server presents itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Mode {
    /// Helpful: introspection and field suggestions for everyone.
    Development,
    /// Guarded: introspection for signed-in users only, no suggestions.
    Production,
}

impl Default for ServeArgs {
    fn default() -> Self {
        ServeArgs::parse_from_env()
    }
}

impl ServeArgs {
    fn parse_from_env() -> Self {
        #[derive(Parser)]
        struct Only {
            #[command(flatten)]
            serve: ServeArgs,
        }
        Only::parse_from(["ketnoi"]).serve
    }
}

/// Options of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The data file; `-` for standard input. A name ending in `.xlsx` or
    /// `.csv` is read as a filled spreadsheet template.
    pub file: PathBuf,
    /// What the rows of a `.csv` file are: attendance, support or application.
    #[arg(long = "type", value_name = "RECORD")]
    pub record: Option<String>,
}

/// Options of `template`.
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// Only this record kind's sheet: attendance, support or application
    /// (default: all of them).
    #[arg(long = "type", value_name = "RECORD")]
    pub record: Option<String>,
    /// Where to write the `.xlsx` file.
    #[arg(long, short)]
    pub output: PathBuf,
}

/// Options of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The plan's key.
    #[arg(long)]
    pub plan: String,
    /// A year of the plan (default: its whole period).
    #[arg(long, value_name = "YEAR")]
    pub period: Option<i32>,
    /// Where to write: a `.xlsx` or `.csv` file.
    #[arg(long, short)]
    pub output: PathBuf,
}

/// Options of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Write here instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// Options of `generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many startups.
    #[arg(long, default_value_t = 1000)]
    pub startups: usize,
    /// How many investors.
    #[arg(long, default_value_t = 100)]
    pub investors: usize,
    /// How many mentors.
    #[arg(long, default_value_t = 200)]
    pub mentors: usize,
    /// The random seed: the same seed gives the same file.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Write here instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// Sets up logging to standard error.
pub fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

/// Opens the configured database and brings its schema up to date.
pub async fn open_store(global: &Global) -> Result<Store, Error> {
    let url = global.database_url();
    let store = Store::connect(&url).await?;
    store.migrate().await?;
    Ok(store)
}

/// `ketnoi report`: whoever runs it on the database is its operator.
async fn report(global: &Global, args: &ReportArgs) -> Result<(), Error> {
    let xlsx = match args.output.extension().and_then(|e| e.to_str()) {
        Some("xlsx") => true,
        Some("csv") => false,
        _ => {
            return Err(Error::BadUserInput(
                "write the report to a .xlsx or .csv file".into(),
            ));
        }
    };
    let store = open_store(global).await?;
    let clock = crate::clock::Clock::system();
    let operator = crate::auth::Viewer::operator();
    let caller = crate::ops::Caller {
        store: &store,
        viewer: Some(&operator),
        clock: &clock,
    };
    let report = crate::report::build(&caller, &args.plan, args.period)
        .await?
        .ok_or_else(|| Error::NotFound(format!("there is no plan with key `{}`", args.plan)))?;
    let bytes = if xlsx {
        crate::report::xlsx(&report)
            .map_err(|e| Error::BadUserInput(format!("cannot write the report: {e}")))?
    } else {
        crate::report::csv(&report)
    };
    std::fs::write(&args.output, bytes)?;
    store.close().await;
    eprintln!("wrote {}", args.output.display());
    Ok(())
}

/// Runs a command.
pub async fn run(cli: Cli) -> Result<(), Error> {
    let command = cli
        .command
        .unwrap_or_else(|| Command::Serve(ServeArgs::default()));
    match command {
        Command::Serve(args) => serve(&cli.global, args).await,
        Command::Migrate => {
            let store = open_store(&cli.global).await?;
            store.close().await;
            eprintln!("the database is up to date");
            Ok(())
        }
        Command::Import(args) => import(&cli.global, &args).await,
        Command::Template(args) => {
            let records: Vec<&str> = args.record.as_deref().into_iter().collect();
            if let Some(r) = args.record.as_deref()
                && crate::spreadsheet::template_of(r).is_none()
            {
                return Err(Error::BadUserInput(format!(
                    "no template for `{r}`: attendance, support or application"
                )));
            }
            let bytes = crate::spreadsheet::template(&records)
                .map_err(|e| Error::BadUserInput(format!("cannot write the template: {e}")))?;
            std::fs::write(&args.output, bytes)?;
            eprintln!("wrote {}", args.output.display());
            Ok(())
        }
        Command::Reindex => reindex(&cli.global).await,
        Command::Report(args) => report(&cli.global, &args).await,
        Command::Export(args) => {
            let store = open_store(&cli.global).await?;
            let mut out = open_output(args.output.as_ref())?;
            let counts = transfer::export(&store, &mut out)
                .await
                .map_err(import_error)?;
            out.flush()?;
            store.close().await;
            eprintln!("exported {counts}");
            Ok(())
        }
        Command::Generate(args) => {
            let options = crate::generate::GenerateOptions {
                startups: args.startups,
                investors: args.investors,
                mentors: args.mentors,
                seed: args.seed,
            };
            let mut out = open_output(args.output.as_ref())?;
            let counts = Counts(crate::generate::generate(&options, &mut out)?);
            out.flush()?;
            eprintln!("generated {counts}");
            Ok(())
        }
        Command::Schema => {
            print!("{}", crate::graphql::sdl());
            Ok(())
        }
        Command::Evaluate(args) => evaluate(&cli.global, &args).await,
        Command::Admin(AdminCommand::Create(args)) => admin_create(&cli.global, args).await,
    }
}

async fn evaluate(global: &Global, args: &EvaluateArgs) -> Result<(), Error> {
    if !(0.0..=1.0).contains(&args.hide) {
        return Err(Error::BadUserInput("--hide is a share, 0 to 1".into()));
    }
    if args.tune > 0 && args.tune_seed == args.seed {
        return Err(Error::BadUserInput(
            "tune on another seed than the one reported (--tune-seed differs from --seed)".into(),
        ));
    }
    let options = crate::evaluate::EvaluateOptions {
        startups: args.startups,
        investors: args.investors,
        mentors: args.mentors,
        seed: args.seed,
        sample: args.sample.max(1),
        clock: crate::clock::Clock::system(),
    };
    let weights = match &args.weights {
        Some(path) => crate::matching::Weights::from_file(path)?,
        None => crate::matching::Weights::default(),
    };
    if args.from_database {
        let store = open_store(global).await?;
        if let Some(path) = &args.truth {
            let text = std::fs::read_to_string(path)?;
            let truth: crate::evaluate::Truth = serde_json::from_str(&text).map_err(|e| {
                Error::BadUserInput(format!("{}: not a grades file: {e}", path.display()))
            })?;
            let report = crate::evaluate::evaluate_truth(
                store.clone(),
                &truth,
                &weights,
                options.sample,
                options.clock.clone(),
            )
            .await?;
            println!(
                "## the database graded by {} ({} startups evaluated for investors, {} for mentors)\n",
                path.display(),
                report.evaluated.0,
                report.evaluated.1
            );
            println!("{}", report.markdown());
        }
        return evaluate_history(&store, args, &weights, "the database").await;
    }
    eprintln!(
        "evaluating on {} startups, {} investors, {} mentors (seed {})",
        args.startups, args.investors, args.mentors, args.seed
    );
    let report = crate::evaluate::evaluate(&options, &weights).await?;
    println!(
        "## weights as given ({} startups evaluated for investors, {} for mentors)\n",
        report.evaluated.0, report.evaluated.1
    );
    println!("{}", report.markdown());
    if args.tune > 0 {
        let bar = indicatif::ProgressBar::new(args.tune as u64);
        let (tuned, score) = crate::evaluate::tune(
            &options,
            args.tune_seed,
            &weights,
            args.tune,
            |done, best| {
                bar.set_position(done as u64);
                bar.set_message(format!("best mean NDCG@10 {best:.3}"));
            },
        )
        .await?;
        bar.finish_and_clear();
        let report = crate::evaluate::evaluate(&options, &tuned).await?;
        println!(
            "## weights tuned on seed {} (mean engine NDCG@10 there {score:.3}), reported on seed {}\n",
            args.tune_seed, args.seed
        );
        println!("{}", report.markdown());
        println!("```toml\n{}```", tuned.to_toml());
    }
    let store = crate::evaluate::generated_store(&options, args.seed).await?;
    let generated = format!("generated data of seed {}", args.seed);
    let history = EvaluateArgs {
        tune: 0,
        ..args.clone()
    };
    evaluate_history(&store, &history, &weights, &generated).await
}

/// The held-out tables of `evaluate`: `store`'s own investments, a share
/// hidden and predicted; with `--tune`, weights fitted on another split.
async fn evaluate_history(
    store: &Store,
    args: &EvaluateArgs,
    weights: &crate::matching::Weights,
    what: &str,
) -> Result<(), Error> {
    use crate::evaluate::history::{Split, markdown, tune};
    let clock = crate::clock::Clock::system();
    let split = Split::new(store, args.hide, args.seed, clock.clone()).await?;
    let (startups, investors) = split.size();
    println!(
        "## held-out history of {what}: {:.0}% of the investments hidden (split {}), {investors} investors of {startups} startups to find\n",
        args.hide * 100.0,
        args.seed
    );
    println!("{}", markdown(&split.report(weights).await?));
    let [(startups_i, investors), (startups_m, mentors)] = split.choices();
    if investors + mentors > 0 {
        println!(
            "## what startups of {what} chose (accepted introductions, RELEVANT and CONTACTED verdicts), all hidden: {investors} investors of {startups_i} startups, {mentors} mentors of {startups_m} startups\n"
        );
        println!(
            "{}",
            crate::evaluate::history::choices_markdown(&split.report_choices(weights).await?)
        );
    } else {
        println!(
            "({what} records no accepted introduction and no RELEVANT or CONTACTED verdict: no choices to predict)\n"
        );
    }
    println!(
        "## search of {what}: startups' names as people type them ({} startups)\n",
        args.sample
    );
    println!(
        "{}",
        crate::evaluate::history::search_markdown(&split.search_quality(args.sample)?)
    );
    if args.tune > 0 {
        let fit = Split::new(store, args.hide, args.tune_seed, clock).await?;
        let bar = indicatif::ProgressBar::new(args.tune as u64);
        let (tuned, score) = tune(&fit, weights, args.tune, |done, best| {
            bar.set_position(done as u64);
            bar.set_message(format!("best {best:.3}"));
        })
        .await?;
        bar.finish_and_clear();
        println!(
            "## weights fitted on split {} (engine mean of NDCG@10 and recall@10 there {score:.3}), reported on split {}\n",
            args.tune_seed, args.seed
        );
        println!("{}", markdown(&split.report(&tuned).await?));
        println!("```toml\n{}```", tuned.to_toml());
    }
    Ok(())
}

async fn admin_create(global: &Global, args: AdminCreateArgs) -> Result<(), Error> {
    let password = match args.password {
        Some(p) => p,
        None => {
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_string()
        }
    };
    let store = open_store(global).await?;
    let auth = crate::auth::Auth::new(
        store.clone(),
        crate::auth::AuthConfig::default(),
        crate::clock::Clock::system(),
    );
    let created = auth
        .create(
            &args.email,
            &password,
            crate::model::Role::Admin,
            args.name.as_deref(),
        )
        .await;
    store.close().await;
    match created? {
        Ok(user) => {
            eprintln!("created operator account {} (ADMIN)", user.email);
            Ok(())
        }
        Err(errors) => Err(Error::BadUserInput(
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )),
    }
}

/// The output file, or standard output, buffered.
fn open_output(path: Option<&PathBuf>) -> Result<BufWriter<Box<dyn Write + Send>>, Error> {
    let sink: Box<dyn Write + Send> = match path {
        Some(p) if p.as_os_str() != "-" => Box::new(std::fs::File::create(p)?),
        _ => Box::new(std::io::stdout()),
    };
    Ok(BufWriter::with_capacity(1 << 20, sink))
}

fn import_error(e: transfer::ImportError) -> Error {
    match e {
        transfer::ImportError::Store(s) => Error::Store(s),
        transfer::ImportError::Io(io) => Error::Io(io),
        line @ transfer::ImportError::Line { .. } => Error::BadUserInput(line.to_string()),
    }
}

async fn import(global: &Global, args: &ImportArgs) -> Result<(), Error> {
    let name = args.file.to_string_lossy().to_lowercase();
    if name.ends_with(".xlsx") || name.ends_with(".csv") {
        return import_spreadsheet(global, args).await;
    }
    let store = open_store(global).await?;
    let (reader, size): (Box<dyn std::io::BufRead + Send>, Option<u64>) =
        if args.file.as_os_str() == "-" {
            (Box::new(BufReader::new(std::io::stdin())), None)
        } else {
            let file = std::fs::File::open(&args.file).map_err(|e| {
                Error::BadUserInput(format!("cannot open {}: {e}", args.file.display()))
            })?;
            let size = file.metadata().ok().map(|m| m.len());
            (Box::new(BufReader::with_capacity(1 << 20, file)), size)
        };
    let bar = progress_bar(size);
    let started = std::time::Instant::now();
    let today = crate::clock::Clock::system().today();
    let result = transfer::import_file(&store, reader, today, |n| bar.set_position(n as u64)).await;
    bar.finish_and_clear();
    store.close().await;
    let counts = result.map_err(import_error)?;
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "imported {counts} ({} records in {secs:.1} s, {:.0} records/s)",
        counts.total(),
        counts.total() as f64 / secs.max(1e-9)
    );
    Ok(())
}

async fn import_spreadsheet(global: &Global, args: &ImportArgs) -> Result<(), Error> {
    let bytes = std::fs::read(&args.file)
        .map_err(|e| Error::BadUserInput(format!("cannot open {}: {e}", args.file.display())))?;
    let store = open_store(global).await?;
    let today = crate::clock::Clock::system().today();
    let name = args.file.to_string_lossy();
    let result =
        crate::spreadsheet::import(&store, &bytes, &name, args.record.as_deref(), today).await;
    store.close().await;
    let counts = result.map_err(|e| match e {
        crate::spreadsheet::SpreadsheetError::Store(s) => Error::Store(s),
        crate::spreadsheet::SpreadsheetError::Io(io) => Error::Io(io),
        other => Error::BadUserInput(other.to_string()),
    })?;
    eprintln!("imported {counts} from {}", args.file.display());
    Ok(())
}

async fn reindex(global: &Global) -> Result<(), Error> {
    let store = open_store(global).await?;
    let dir = global.index_dir();
    let index = std::sync::Arc::new(SearchIndex::open_or_create(&dir)?);
    let total = store.search_documents().await?;
    let bar = indicatif::ProgressBar::new(total as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} documents ({per_sec}, {eta} left)",
        )
        .expect("BUG: valid template"),
    );
    let started = std::time::Instant::now();
    let result = crate::search::indexer::rebuild(&store, &index, |n| bar.set_position(n)).await;
    bar.finish_and_clear();
    store.close().await;
    result?;
    eprintln!(
        "indexed {} documents in {:.1} s into {}",
        index.len(),
        started.elapsed().as_secs_f64(),
        dir.display()
    );
    let started = std::time::Instant::now();
    let compacting = std::sync::Arc::clone(&index);
    tokio::task::spawn_blocking(move || compacting.compact())
        .await
        .map_err(crate::search::SearchError::from)??;
    eprintln!(
        "compacted into one segment in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// A progress bar of records written, on a terminal only.
fn progress_bar(size: Option<u64>) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {pos} records written ({per_sec}) {elapsed}",
        )
        .expect("BUG: valid template"),
    );
    if size.is_some_and(|s| s > 1 << 20) {
        bar.enable_steady_tick(Duration::from_millis(200));
    }
    bar
}

async fn serve(global: &Global, args: ServeArgs) -> Result<(), Error> {
    let store = open_store(global).await?;
    if args.demo {
        let startups = store
            .count(&ListQuery::Startups(StartupFilter::default()))
            .await?;
        if startups == 0 {
            let records = crate::generate::demo_records();
            let lines = records
                .into_iter()
                .enumerate()
                .map(|(i, r)| Ok((i + 1, Ok(r))));
            let today = crate::clock::Clock::system().today();
            let counts = transfer::import_records(&store, lines, today, |_| {})
                .await
                .map_err(import_error)?;
            tracing::info!(%counts, "loaded the demo dataset");
        } else {
            tracing::info!(
                startups,
                "the database has data: not loading the demo dataset"
            );
        }
    }
    let weights = match &args.matching_config {
        Some(path) => crate::matching::Weights::from_file(path)?,
        None => crate::matching::Weights::default(),
    };
    let index = std::sync::Arc::new(SearchIndex::open_or_create(&global.index_dir())?);
    let app = crate::app::App::start(
        store.clone(),
        crate::app::AppOptions {
            index,
            poll: Duration::from_millis(args.search_poll_ms.max(1)),
            weights,
            clock: crate::clock::Clock::system(),
        },
    );
    let listener = tokio::net::TcpListener::bind(args.bind).await?;
    tracing::info!(
        address = %listener.local_addr()?,
        playground = %format!("http://{}/graphql", listener.local_addr()?),
        "serving"
    );
    let config = HttpConfig {
        body_limit: args.body_limit,
        request_timeout: Duration::from_secs(args.request_timeout),
        auth: crate::auth::AuthConfig {
            token_ttl: Duration::from_secs(args.token_ttl_hours.max(1) * 3600),
            account_burst: args.sign_in_attempts_per_account,
            address_burst: args.sign_in_attempts_per_address,
            sign_up_burst: args.sign_ups_per_address,
            ..crate::auth::AuthConfig::default()
        },
        limits: {
            let base = match args.mode {
                Mode::Development => Limits::default(),
                Mode::Production => Limits::production(),
            };
            Limits {
                max_depth: args.max_depth,
                max_complexity: args.max_complexity,
                max_aliases: args.max_aliases,
                max_selections: args.max_selections,
                max_recursive_depth: args.max_recursion,
                max_directives: args.max_directives,
                max_batch: args.max_batch,
                introspection: args.introspection.unwrap_or(base.introspection),
                ..base
            }
        },
        rate: RateLimits {
            per_address: Allowance {
                burst: args.rate_burst_per_address,
                per_second: args.rate_per_address,
            },
            per_token: Allowance {
                burst: args.rate_burst_per_token,
                per_second: args.rate_per_token,
            },
        },
        cors_origins: args.cors_origins.clone(),
        trusted_proxies: args.trusted_proxies.clone(),
        max_response_bytes: args.max_response_bytes,
        max_in_flight: args.max_in_flight,
        max_heavy_in_flight: args.max_heavy_in_flight,
        heavy_complexity: args.heavy_complexity,
        shutdown_grace: Duration::from_secs(args.shutdown_grace),
        // `App::serve` runs it on the application's clock.
        ..HttpConfig::default()
    };
    app.serve(listener, config, shutdown_signal()).await?;
    // Requests abandoned after the grace period may still hold database
    // connections; closing waits for them only briefly.
    if tokio::time::timeout(Duration::from_secs(2), store.close())
        .await
        .is_err()
    {
        tracing::warn!("database connections were still in use: closed without them");
    }
    tracing::info!("stopped");
    Ok(())
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
