//! `ketnoi import` and `ketnoi export`: moving data files in and out.
//!
//! An import runs in one transaction: every line is read, checked and
//! written, or nothing is. Lines are gathered in chunks and written type by
//! type in dependency order (sectors and provinces, organisations, profiles,
//! events, investments), in multi-row statements, which is what makes large
//! imports fast. Records upsert by key, so importing a file twice changes
//! nothing.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasher, RandomState};
use std::io::{BufRead, Write};

use chrono::NaiveDate;

use crate::datafile::{self, LineError, Record};
use crate::model::{ProvinceDraft, SectorDraft};
use crate::store::{Batch, RecordSelect, Store, StoreError};

/// Lines gathered before they are written.
const CHUNK_LINES: usize = 20_000;
/// Lines in the first chunk: chunks start small and double up to
/// [`CHUNK_LINES`], so that the writer starts soon instead of waiting,
/// idle, for a whole chunk to be parsed.
const FIRST_CHUNK_LINES: usize = 1_000;
/// Records per write (each write is a few multi-row statements).
const BATCH_RECORDS: usize = 2_000;
/// The longest line accepted (a profile with a long description fits easily).
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// Why an import failed. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// A line is malformed or invalid.
    #[error("line {line}: {}{reason}", field.as_ref().map(|f| format!("field `{f}`: ")).unwrap_or_default())]
    Line {
        line: usize,
        field: Option<String>,
        reason: String,
    },
    /// Reading the file failed.
    #[error("reading the data file failed: {0}")]
    Io(#[from] std::io::Error),
    /// The database failed.
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// How many records of each type an import or export handled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts(pub Vec<(&'static str, usize)>);

impl Counts {
    fn add(&mut self, type_name: &'static str, n: usize) {
        match self.0.iter_mut().find(|(t, _)| *t == type_name) {
            Some((_, count)) => *count += n,
            None => self.0.push((type_name, n)),
        }
    }

    /// The count for one type.
    pub fn get(&self, type_name: &str) -> usize {
        self.0
            .iter()
            .find(|(t, _)| *t == type_name)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    }

    /// All records.
    pub fn total(&self) -> usize {
        self.0.iter().map(|(_, n)| n).sum()
    }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(|(t, n)| format!("{n} {t}")).collect();
        if parts.is_empty() {
            f.write_str("nothing")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

/// Batches ready to write, in dependency order, each with the line number of
/// every record (to name the line when the database refuses one) and whether
/// its keys are all new to this import.
type Chunk = Vec<(Batch, Vec<usize>, bool)>;

/// The keys an import has met so far, as hashes: a collision only makes a
/// new key look seen, which costs an upsert where an insert would do.
struct SeenKeys {
    hasher: RandomState,
    seen: HashSet<u64>,
}

impl SeenKeys {
    fn new() -> Self {
        SeenKeys {
            hasher: RandomState::new(),
            seen: HashSet::new(),
        }
    }

    /// Records the keys; true when none of them was met before.
    fn all_new<'a>(&mut self, type_name: &str, keys: impl Iterator<Item = &'a str>) -> bool {
        let mut all_new = true;
        for key in keys {
            all_new &= self.seen.insert(self.hasher.hash_one((type_name, key)));
        }
        all_new
    }
}

/// Chunks in flight between the reader and the writer.
const CHUNKS_IN_FLIGHT: usize = 2;

/// Imports records: `(line number, parsed line)` pairs, in file order.
///
/// Reading and parsing run on a thread of their own, a chunk ahead of the
/// writer, so that on two cores parsing and the database overlap.
/// `on_progress` is called with the number of records written so far.
pub async fn import_records<I>(
    store: &Store,
    records: I,
    today: NaiveDate,
    mut on_progress: impl FnMut(usize),
) -> Result<Counts, ImportError>
where
    I: Iterator<Item = Result<(usize, Result<Record, LineError>), std::io::Error>> + Send + 'static,
{
    let (sender, mut receiver) =
        tokio::sync::mpsc::channel::<Result<Chunk, ImportError>>(CHUNKS_IN_FLIGHT);
    let reader = tokio::task::spawn_blocking(move || read_chunks(records, &sender));
    let mut tx = store.begin_import(today).await?;
    let mut done = 0;
    while let Some(chunk) = receiver.recv().await {
        done += write_chunk(&mut tx, chunk?).await?;
        on_progress(done);
    }
    // The reader has finished: it returns the counts, or stopped on an error
    // that it sent (and that ended the loop above).
    let counts = reader.await.map_err(|e| {
        ImportError::Io(std::io::Error::other(format!(
            "the reader thread failed: {e}"
        )))
    })?;
    tx.commit().await?;
    Ok(counts)
}

/// Reads records into chunks and sends them; returns the counts per type.
fn read_chunks(
    records: impl Iterator<Item = Result<(usize, Result<Record, LineError>), std::io::Error>>,
    sender: &tokio::sync::mpsc::Sender<Result<Chunk, ImportError>>,
) -> Counts {
    let mut counts = Counts::default();
    let mut seen = SeenKeys::new();
    let mut pending: HashMap<&'static str, Vec<(usize, Record)>> = HashMap::new();
    let mut lines = 0;
    let mut chunk_lines = FIRST_CHUNK_LINES;
    for item in records {
        let (line, record) = match item {
            Ok((line, Ok(record))) => (line, record),
            Ok((line, Err(e))) => {
                let _ = sender.blocking_send(Err(ImportError::Line {
                    line,
                    field: e.field,
                    reason: e.reason,
                }));
                return counts;
            }
            Err(e) => {
                let _ = sender.blocking_send(Err(ImportError::Io(e)));
                return counts;
            }
        };
        counts.add(record.type_name(), 1);
        lines += 1;
        pending
            .entry(record.type_name())
            .or_default()
            .push((line, record));
        if lines == chunk_lines {
            if sender
                .blocking_send(Ok(chunk_of(std::mem::take(&mut pending), &mut seen)))
                .is_err()
            {
                return counts; // the writer stopped
            }
            lines = 0;
            chunk_lines = (chunk_lines * 2).min(CHUNK_LINES);
        }
    }
    if !pending.is_empty() {
        let _ = sender.blocking_send(Ok(chunk_of(pending, &mut seen)));
    }
    counts
}

/// The key a record upserts on, to keep only the last of duplicates in a chunk.
fn natural_key(record: &Record) -> String {
    match record {
        Record::Sector(r) => r.key.clone(),
        Record::Province(r) => r.key.clone(),
        Record::Organization(r) => r.key.clone(),
        Record::Startup(r) => r.key.clone(),
        Record::Investor(r) => r.key.clone(),
        Record::Mentor(r) => r.key.clone(),
        Record::Event(r) => r.key.clone(),
        Record::Programme(r) => r.key.clone(),
        Record::Call(r) => r.key.clone(),
        Record::Support(r) => r.key.clone(),
        Record::Class(r) => r.key.clone(),
        Record::Plan(r) => r.key.clone(),
        Record::Application(r) => format!("{}\n{}", r.call, r.startup),
        Record::Attendance(r) => format!(
            "{}\n{}|{}",
            r.class,
            crate::model::name_key(&r.person),
            r.organization
                .as_deref()
                .map(crate::model::name_key)
                .unwrap_or_default()
        ),
        Record::Investment(r) => format!("{}\n{}\n{}\n{}", r.investor, r.startup, r.round, r.date),
    }
}

/// Orders a chunk's records by type and splits them into batches.
fn chunk_of(
    mut by_type: HashMap<&'static str, Vec<(usize, Record)>>,
    seen: &mut SeenKeys,
) -> Chunk {
    let mut chunk = Vec::new();
    // Referenced before referring.
    for type_name in Record::TYPES {
        let Some(records) = by_type.remove(type_name) else {
            continue;
        };
        // A key twice in one statement is an error in PostgreSQL: the later line wins.
        let keys: Vec<String> = records.iter().map(|(_, r)| natural_key(r)).collect();
        let mut last: HashMap<&str, usize> = HashMap::with_capacity(records.len());
        for (i, key) in keys.iter().enumerate() {
            last.insert(key, i);
        }
        let mut records: Vec<(usize, Record, &str)> = records
            .into_iter()
            .zip(&keys)
            .enumerate()
            .filter(|(i, (_, key))| last.get(key.as_str()) == Some(i))
            .map(|(_, ((line, record), key))| (line, record, key.as_str()))
            .collect();
        while !records.is_empty() {
            let rest = records.split_off(records.len().min(BATCH_RECORDS));
            let group = std::mem::replace(&mut records, rest);
            let new_keys = seen.all_new(type_name, group.iter().map(|(_, _, key)| *key));
            let (lines, group): (Vec<usize>, Vec<Record>) = group
                .into_iter()
                .map(|(line, record, _)| (line, record))
                .unzip();
            chunk.push((batch_of(group), lines, new_keys));
        }
    }
    chunk
}

async fn write_chunk(tx: &mut crate::store::ImportTx, chunk: Chunk) -> Result<usize, ImportError> {
    let mut written = 0;
    for (batch, lines, new_keys) in chunk {
        match tx.write(batch, new_keys).await {
            Ok(()) => written += lines.len(),
            Err(StoreError::Invalid { index, errors }) => {
                let first = errors.into_iter().next();
                return Err(ImportError::Line {
                    line: lines.get(index).copied().unwrap_or(0),
                    field: first
                        .as_ref()
                        .map(|e| datafile::file_field(e.field).to_string()),
                    reason: first
                        .map(|e| e.message_naming(datafile::file_field))
                        .unwrap_or_else(|| "invalid record".into()),
                });
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(written)
}

/// Groups records of one type into a batch.
fn batch_of(records: Vec<Record>) -> Batch {
    macro_rules! only {
        ($variant:ident, $batch:ident) => {
            Batch::$batch(
                records
                    .into_iter()
                    .filter_map(|r| match r {
                        Record::$variant(x) => Some(x.into()),
                        _ => None,
                    })
                    .collect(),
            )
        };
    }
    match records.first() {
        Some(Record::Sector(_)) | None => only!(Sector, Sectors),
        Some(Record::Province(_)) => only!(Province, Provinces),
        Some(Record::Organization(_)) => only!(Organization, Organizations),
        Some(Record::Startup(_)) => only!(Startup, Startups),
        Some(Record::Investor(_)) => only!(Investor, Investors),
        Some(Record::Mentor(_)) => only!(Mentor, Mentors),
        Some(Record::Event(_)) => only!(Event, Events),
        Some(Record::Investment(_)) => only!(Investment, Investments),
        Some(Record::Programme(_)) => only!(Programme, Programmes),
        Some(Record::Call(_)) => only!(Call, Calls),
        Some(Record::Support(_)) => only!(Support, Support),
        Some(Record::Class(_)) => only!(Class, Classes),
        Some(Record::Application(_)) => only!(Application, Applications),
        Some(Record::Attendance(_)) => only!(Attendance, Attendance),
        Some(Record::Plan(_)) => only!(Plan, Plans),
    }
}

/// Reads a data file's lines: `(line number, parsed)`; blank lines are skipped.
pub fn read_lines<R: BufRead + Send>(
    mut reader: R,
) -> impl Iterator<Item = Result<(usize, Result<Record, LineError>), std::io::Error>> {
    let mut line_no = 0;
    let mut buf = Vec::new();
    std::iter::from_fn(move || {
        loop {
            buf.clear();
            line_no += 1;
            let read = std::io::Read::take(&mut reader, MAX_LINE_BYTES as u64 + 1)
                .read_until(b'\n', &mut buf);
            match read {
                Err(e) => return Some(Err(e)),
                Ok(0) => return None,
                Ok(_) => {}
            }
            if buf.len() > MAX_LINE_BYTES && !buf.ends_with(b"\n") {
                let reason = format!("the line is longer than {MAX_LINE_BYTES} bytes");
                return Some(Ok((
                    line_no,
                    Err(LineError {
                        field: None,
                        reason,
                    }),
                )));
            }
            let parsed = match std::str::from_utf8(&buf) {
                Err(_) => Err(LineError {
                    field: None,
                    reason: "the line is not valid UTF-8".to_string(),
                }),
                Ok(text) => {
                    let text = text.trim();
                    if text.is_empty() {
                        continue;
                    }
                    datafile::parse_line(text.trim_start_matches('\u{feff}'))
                }
            };
            return Some(Ok((line_no, parsed)));
        }
    })
}

/// Imports a data file. See [`import_records`].
pub async fn import_file(
    store: &Store,
    reader: impl BufRead + Send + 'static,
    today: NaiveDate,
    on_progress: impl FnMut(usize),
) -> Result<Counts, ImportError> {
    import_records(store, read_lines(reader), today, on_progress).await
}

/// Rows read per statement while exporting.
const EXPORT_PAGE: i64 = 2_000;

/// Writes every record in the database as a data file, in the order an
/// import needs (references point earlier).
pub async fn export(store: &Store, out: &mut dyn Write) -> Result<Counts, ImportError> {
    let mut counts = Counts::default();
    let mut emit = |record: Record, counts: &mut Counts| -> std::io::Result<()> {
        counts.add(record.type_name(), 1);
        out.write_all(datafile::to_line(&record).as_bytes())?;
        out.write_all(b"\n")
    };
    for s in store.sectors().await? {
        emit(Record::Sector(SectorDraft::from(s).into()), &mut counts)?;
    }
    for p in store.provinces().await? {
        emit(Record::Province(ProvinceDraft::from(p).into()), &mut counts)?;
    }
    macro_rules! pages {
        ($method:ident, $variant:ident) => {
            pages!($method, $variant, |_| true)
        };
        ($method:ident, $variant:ident, $keep:expr) => {{
            let mut after = 0;
            loop {
                let page = store
                    .$method(RecordSelect::After {
                        after,
                        limit: EXPORT_PAGE,
                    })
                    .await?;
                let Some((last, _)) = page.last() else { break };
                after = *last;
                for (_, r) in page.into_iter().filter(|(_, r)| $keep(r)) {
                    emit(Record::$variant(r.into()), &mut counts)?;
                }
            }
        }};
    }
    pages!(organization_drafts, Organization);
    pages!(startup_drafts, Startup);
    pages!(investor_drafts, Investor);
    pages!(mentor_drafts, Mentor);
    pages!(event_drafts, Event);
    let mut after = 0;
    loop {
        let page = store.investment_drafts(after, EXPORT_PAGE).await?;
        let Some((last, _)) = page.last() else { break };
        after = *last;
        for (_, r) in page {
            emit(Record::Investment(r.into()), &mut counts)?;
        }
    }
    pages!(programme_drafts, Programme);
    pages!(call_drafts, Call);
    let mut after = 0;
    loop {
        let page = store.application_drafts(after, EXPORT_PAGE).await?;
        let Some((last, _)) = page.last() else { break };
        after = *last;
        for (_, r) in page {
            emit(Record::Application(r.into()), &mut counts)?;
        }
    }
    pages!(class_drafts, Class);
    let mut after = 0;
    loop {
        let page = store.attendance_drafts(after, EXPORT_PAGE).await?;
        let Some((last, _)) = page.last() else { break };
        after = *last;
        for (_, r) in page {
            emit(Record::Attendance(r.into()), &mut counts)?;
        }
    }
    // Support that accepted applications and attendance mean is written
    // again from them on import: it is not exported.
    pages!(support_drafts, Support, |r: &crate::model::SupportDraft| {
        !r.origin.is_derived()
    });
    pages!(plan_drafts, Plan);
    Ok(counts)
}
