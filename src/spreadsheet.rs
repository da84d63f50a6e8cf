//! Spreadsheets in: the lists a province's office keeps in Excel
//! (attendance, support given, applicants), as templates to fill and as
//! filled files to import.
//!
//! A template ([`template`]) is an `.xlsx` workbook with one sheet per
//! record kind, Vietnamese headers, a drop-down on every column of fixed
//! values, and a sheet of the allowed values ("Giá trị hợp lệ"). A filled
//! workbook (`.xlsx`, each sheet named as in the template) or a `.csv` file
//! of one kind (UTF-8, with or without a byte-order mark, `,` or `;`
//! between values) is read into data-file lines ([`read_xlsx`],
//! [`read_csv`]) and imported like JSON Lines: in one transaction, all or
//! nothing. Every error names the sheet, the row and the column, as Excel
//! shows them ([`Located`]).
//!
//! Cells are read as people fill them: dates as Excel dates or as
//! `2026-09-15` or `15/09/2026`, amounts as numbers or as `15.000.000`,
//! fixed values by their code (`FEMALE`) or their Vietnamese label (`Nữ`),
//! with or without diacritics. Headers may come in any order.

use std::fmt;

use chrono::{Days, NaiveDate, NaiveDateTime};
use serde_json::{Map, Value};

use crate::model::{
    ApplicationStatus, Audience, BudgetSource, Gender, SupportKind, Vocabulary, name_key,
};

/// What a column holds.
#[derive(Clone, Copy)]
pub enum Kind {
    Text,
    /// A whole number.
    Number,
    /// A whole amount of VND, written to the data file as a decimal string.
    Amount,
    Date,
    /// A date and time in Vietnam (a date alone is its midnight).
    Time,
    /// One of fixed values: their codes and Vietnamese labels.
    Choice(fn() -> Vec<(&'static str, &'static str)>),
}

/// A column of a template.
pub struct Column {
    /// The data file's field.
    pub field: &'static str,
    /// The header, in Vietnamese.
    pub header: &'static str,
    pub kind: Kind,
    pub required: bool,
}

/// A template: the record kind of its rows and its sheet.
pub struct Template {
    /// The data file's record type.
    pub record: &'static str,
    /// The sheet's name.
    pub sheet: &'static str,
    pub columns: &'static [Column],
}

const fn col(field: &'static str, header: &'static str, kind: Kind, required: bool) -> Column {
    Column {
        field,
        header,
        kind,
        required,
    }
}

fn genders() -> Vec<(&'static str, &'static str)> {
    labelled(&[
        (Gender::Female, "Nữ"),
        (Gender::Male, "Nam"),
        (Gender::Other, "Khác"),
    ])
}

fn audiences() -> Vec<(&'static str, &'static str)> {
    labelled(&[
        (Audience::Students, "Học sinh, sinh viên"),
        (Audience::Women, "Phụ nữ"),
        (Audience::Youth, "Thanh niên"),
        (Audience::Farmers, "Nông dân"),
        (Audience::Enterprises, "Doanh nghiệp"),
        (Audience::Researchers, "Nhà khoa học, giảng viên"),
        (Audience::Officials, "Cán bộ hỗ trợ khởi nghiệp"),
    ])
}

fn support_kinds() -> Vec<(&'static str, &'static str)> {
    labelled(&[
        (SupportKind::Training, "Đào tạo, tập huấn"),
        (SupportKind::Mentoring, "Tư vấn, huấn luyện"),
        (SupportKind::Incubation, "Ươm tạo"),
        (SupportKind::Acceleration, "Tăng tốc"),
        (SupportKind::Space, "Không gian, trang thiết bị"),
        (SupportKind::LegalIp, "Pháp lý, sở hữu trí tuệ"),
        (SupportKind::MarketAccess, "Kết nối thị trường"),
        (SupportKind::Grant, "Hỗ trợ kinh phí"),
        (SupportKind::FairBooth, "Gian hàng hội chợ, triển lãm"),
        (SupportKind::Competition, "Cuộc thi, giải thưởng"),
        (SupportKind::Pitching, "Trải nghiệm gọi vốn"),
        (SupportKind::StudyTour, "Hành trình khởi nghiệp"),
        (SupportKind::Technology, "Công nghệ, chuyển giao công nghệ"),
        (SupportKind::Media, "Truyền thông"),
        (SupportKind::Other, "Khác"),
    ])
}

fn budget_sources() -> Vec<(&'static str, &'static str)> {
    labelled(&[
        (BudgetSource::State, "Ngân sách nhà nước"),
        (BudgetSource::Socialized, "Xã hội hóa"),
        (BudgetSource::Mixed, "Kết hợp"),
    ])
}

fn statuses() -> Vec<(&'static str, &'static str)> {
    labelled(&[
        (ApplicationStatus::Draft, "Nháp"),
        (ApplicationStatus::Submitted, "Đã nộp"),
        (ApplicationStatus::Screening, "Đang sàng lọc"),
        (ApplicationStatus::Shortlisted, "Vào vòng trong"),
        (ApplicationStatus::Accepted, "Được chọn"),
        (ApplicationStatus::Rejected, "Không được chọn"),
        (ApplicationStatus::Withdrawn, "Đã rút"),
    ])
}

fn labelled<T: Vocabulary>(values: &[(T, &'static str)]) -> Vec<(&'static str, &'static str)> {
    values
        .iter()
        .map(|(v, label)| (v.as_str(), *label))
        .collect()
}

/// The templates, one per record kind.
pub const TEMPLATES: &[Template] = &[
    Template {
        record: "attendance",
        sheet: "Điểm danh",
        columns: &[
            col("class", "Mã lớp học", Kind::Text, true),
            col("person", "Họ và tên", Kind::Text, true),
            col("organization", "Đơn vị", Kind::Text, false),
            col("gender", "Giới tính", Kind::Choice(genders), false),
            col("group", "Nhóm đối tượng", Kind::Choice(audiences), false),
            col("startup", "Mã startup", Kind::Text, false),
        ],
    },
    Template {
        record: "support",
        sheet: "Hỗ trợ",
        columns: &[
            col("key", "Mã hỗ trợ", Kind::Text, true),
            col("startup", "Mã startup", Kind::Text, false),
            col("recipient", "Tên dự án, doanh nghiệp", Kind::Text, false),
            col("programme", "Mã chương trình", Kind::Text, false),
            col("organization", "Mã tổ chức", Kind::Text, false),
            col("kind", "Loại hỗ trợ", Kind::Choice(support_kinds), true),
            col("value_vnd", "Giá trị (đồng)", Kind::Amount, false),
            col(
                "budget_source",
                "Nguồn kinh phí",
                Kind::Choice(budget_sources),
                false,
            ),
            col("given_on", "Ngày hỗ trợ", Kind::Date, true),
            col("note", "Ghi chú", Kind::Text, false),
        ],
    },
    Template {
        record: "application",
        sheet: "Hồ sơ đăng ký",
        columns: &[
            col("call", "Mã đợt tuyển chọn", Kind::Text, true),
            col("startup", "Mã startup", Kind::Text, true),
            col("status", "Trạng thái", Kind::Choice(statuses), true),
            col("submitted_at", "Ngày nộp", Kind::Time, false),
            col("decided_at", "Ngày quyết định", Kind::Time, false),
        ],
    },
];

/// The sheet that lists every column's allowed values.
pub const VALUES_SHEET: &str = "Giá trị hợp lệ";

/// The template of a record kind.
pub fn template_of(record: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.record == record)
}

/// The column letters Excel shows: A, B, ..., Z, AA, ...
fn letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).expect("BUG: ASCII letters")
}

/// The `.xlsx` template of these record kinds (all when empty): a sheet
/// per kind with its headers (required ones marked `*`) and drop-downs,
/// and the sheet of allowed values.
pub fn template(records: &[&str]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{DataValidation, Format, Formula, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let chosen: Vec<&Template> = (TEMPLATES.iter())
        .filter(|t| records.is_empty() || records.contains(&t.record))
        .collect();
    // The allowed values: a column per column of fixed values.
    let mut lists: Vec<(&str, &str, String)> = Vec::new();
    let mut values_columns: Vec<(String, Vec<String>)> = Vec::new();
    for t in &chosen {
        for c in t.columns {
            if let Kind::Choice(values) = c.kind {
                let at = values_columns.len();
                let labels: Vec<String> = values().iter().map(|(_, l)| l.to_string()).collect();
                let range = format!(
                    "='{VALUES_SHEET}'!${col}$2:${col}${last}",
                    col = letter(at),
                    last = labels.len() + 1
                );
                lists.push((t.record, c.field, range));
                values_columns.push((format!("{} – {}", t.sheet, c.header), labels));
            }
        }
    }
    for t in &chosen {
        let sheet = book.add_worksheet();
        sheet.set_name(t.sheet)?;
        for (i, c) in t.columns.iter().enumerate() {
            let header = if c.required {
                format!("{} *", c.header)
            } else {
                c.header.to_string()
            };
            sheet.write_string_with_format(0, i as u16, header, &bold)?;
            sheet.set_column_width(i as u16, 24)?;
            if let Some((_, _, range)) = lists
                .iter()
                .find(|(r, f, _)| *r == t.record && *f == c.field)
            {
                let rule = DataValidation::new().allow_list_formula(Formula::new(range.as_str()));
                sheet.add_data_validation(1, i as u16, 5000, i as u16, &rule)?;
            }
        }
    }
    let values = book.add_worksheet();
    values.set_name(VALUES_SHEET)?;
    for (i, (title, labels)) in values_columns.iter().enumerate() {
        values.write_string_with_format(0, i as u16, title, &bold)?;
        values.set_column_width(i as u16, 30)?;
        for (r, label) in labels.iter().enumerate() {
            values.write_string(r as u32 + 1, i as u16, label)?;
        }
    }
    book.save_to_buffer()
}

/// Where in a spreadsheet something is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub sheet: String,
    /// The row as Excel numbers it (the headers are row 1).
    pub row: usize,
    /// The column's letter and header, when one is at fault.
    pub column: Option<(String, String)>,
    pub reason: String,
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sheet `{}`, row {}", self.sheet, self.row)?;
        if let Some((letter, header)) = &self.column {
            write!(f, ", column {letter} ({header})")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// A sheet's name and its columns: field, letter, header.
type SheetColumns = (String, Vec<(&'static str, String, String)>);

/// A spreadsheet read into data-file lines, and where each line came from.
#[derive(Debug, Default)]
pub struct Converted {
    /// JSON Lines, one record per data row.
    pub lines: String,
    /// Per line: its sheet, its row, and its columns' letters and headers
    /// by field.
    origins: Vec<(usize, usize)>,
    sheets: Vec<SheetColumns>,
}

impl Converted {
    /// The spreadsheet's place of an import error on `line` (1-based) in
    /// `field`.
    pub fn locate(&self, line: usize, field: Option<&str>, reason: &str) -> Located {
        let (sheet, row) = self
            .origins
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or((0, 0));
        let (name, columns) = self
            .sheets
            .get(sheet)
            .map(|(n, c)| (n.clone(), c.as_slice()))
            .unwrap_or_default();
        // A field path (`seeking.amount`) is the column of its first part.
        let field = field.map(|f| f.split('.').next().unwrap_or(f));
        let column = field.and_then(|f| {
            (columns.iter())
                .find(|(c, _, _)| *c == f)
                .map(|(_, letter, header)| (letter.clone(), header.clone()))
        });
        Located {
            sheet: name,
            row,
            column,
            reason: reason.to_string(),
        }
    }
}

/// A cell as read, whatever the file.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// An Excel date: days since 1899-12-30, the fraction the time.
    Date(f64),
}

fn excel_date(serial: f64) -> Option<NaiveDateTime> {
    let days = serial.floor();
    let seconds = ((serial - days) * 86_400.0).round() as u32;
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_hms_opt(0, 0, 0)?;
    let date = base.checked_add_days(Days::new(u64::try_from(days as i64).ok()?))?;
    date.checked_add_signed(chrono::TimeDelta::seconds(i64::from(seconds)))
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
        .or_else(|| {
            text.get(..10)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        })
}

fn whole(n: f64) -> Option<i64> {
    (n.fract() == 0.0 && n.abs() < 9.0e15).then_some(n as i64)
}

/// A cell as the data file writes the column's value; `Ok(None)` when
/// empty.
fn value_of(cell: &Cell, kind: Kind) -> Result<Option<Value>, String> {
    let text = match cell {
        Cell::Empty => return Ok(None),
        Cell::Text(t) if t.trim().is_empty() => return Ok(None),
        Cell::Text(t) => t.trim().to_string(),
        Cell::Number(n) => match whole(*n) {
            Some(i) => i.to_string(),
            None => n.to_string(),
        },
        Cell::Date(serial) => {
            let at = excel_date(*serial).ok_or("is not a date")?;
            return Ok(Some(Value::String(match kind {
                Kind::Time => format!("{}+07:00", at.format("%Y-%m-%dT%H:%M:%S")),
                _ => at.date().to_string(),
            })));
        }
    };
    Ok(Some(match kind {
        Kind::Text => Value::String(text),
        Kind::Number => {
            let n: i64 = text
                .parse()
                .map_err(|_| format!("`{text}` is not a whole number"))?;
            Value::from(n)
        }
        Kind::Amount => {
            // Thousands may be grouped by dots, commas or spaces (15.000.000).
            let digits: String = text
                .chars()
                .filter(|c| !matches!(c, '.' | ',' | ' ' | '\u{a0}'))
                .collect();
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("`{text}` is not a whole amount of đồng"));
            }
            let digits = digits.trim_start_matches('0');
            Value::String(if digits.is_empty() { "0" } else { digits }.to_string())
        }
        Kind::Date => {
            let d = parse_date(&text)
                .ok_or_else(|| format!("`{text}` is not a date (2026-09-15 or 15/09/2026)"))?;
            Value::String(d.to_string())
        }
        Kind::Time => {
            if chrono::DateTime::parse_from_rfc3339(&text).is_ok() {
                Value::String(text)
            } else {
                let d = parse_date(&text)
                    .ok_or_else(|| format!("`{text}` is not a date (2026-09-15 or 15/09/2026)"))?;
                Value::String(format!("{d}T00:00:00+07:00"))
            }
        }
        Kind::Choice(values) => {
            let values = values();
            let key = name_key(&text);
            let found = (values.iter()).find(|(code, label)| {
                *code == text || name_key(code) == key || name_key(label) == key
            });
            match found {
                Some((code, _)) => Value::String(code.to_string()),
                None => {
                    let labels: Vec<&str> = values.iter().map(|(_, l)| *l).collect();
                    return Err(format!("`{text}` is not one of: {}", labels.join(", ")));
                }
            }
        }
    }))
}

/// Reads one sheet of `template` (its rows, headers first) into `out`.
fn read_sheet(
    template: &Template,
    sheet_name: &str,
    rows: &[Vec<Cell>],
    out: &mut Converted,
) -> Result<(), Located> {
    let at = |row: usize, column: Option<(String, String)>, reason: String| Located {
        sheet: sheet_name.to_string(),
        row,
        column,
        reason,
    };
    let Some(headers) = rows.first() else {
        return Ok(());
    };
    // Which template column each of the sheet's columns is.
    let mut mapped: Vec<Option<&Column>> = Vec::with_capacity(headers.len());
    for (i, h) in headers.iter().enumerate() {
        let text = match h {
            Cell::Text(t) => t.trim().trim_end_matches('*').trim().to_string(),
            Cell::Empty => String::new(),
            other => format!("{other:?}"),
        };
        if text.is_empty() {
            mapped.push(None);
            continue;
        }
        let key = name_key(&text);
        match (template.columns.iter()).find(|c| name_key(c.header) == key || c.field == text) {
            Some(c) => mapped.push(Some(c)),
            None => {
                let expected: Vec<&str> = template.columns.iter().map(|c| c.header).collect();
                return Err(at(
                    1,
                    Some((letter(i), text.clone())),
                    format!(
                        "unknown header `{text}`; the columns are: {}",
                        expected.join(", ")
                    ),
                ));
            }
        }
    }
    for c in template.columns.iter().filter(|c| c.required) {
        if !mapped.iter().flatten().any(|m| m.field == c.field) {
            return Err(at(1, None, format!("the column `{}` is missing", c.header)));
        }
    }
    let index = out.sheets.len();
    out.sheets.push((
        sheet_name.to_string(),
        (mapped.iter().enumerate())
            .filter_map(|(i, c)| c.map(|c| (c.field, letter(i), c.header.to_string())))
            .collect(),
    ));
    for (r, row) in rows.iter().enumerate().skip(1) {
        if row
            .iter()
            .all(|c| value_of(c, Kind::Text).ok().flatten().is_none())
        {
            continue;
        }
        let mut object = Map::new();
        object.insert("type".into(), Value::String(template.record.into()));
        for (i, column) in mapped.iter().enumerate() {
            let Some(column) = column else { continue };
            let cell = row.get(i).unwrap_or(&Cell::Empty);
            match value_of(cell, column.kind) {
                Ok(Some(v)) => {
                    object.insert(column.field.into(), v);
                }
                Ok(None) if column.required => {
                    return Err(at(
                        r + 1,
                        Some((letter(i), column.header.into())),
                        "is required".into(),
                    ));
                }
                Ok(None) => {}
                Err(reason) => {
                    return Err(at(r + 1, Some((letter(i), column.header.into())), reason));
                }
            }
        }
        out.lines.push_str(&Value::Object(object).to_string());
        out.lines.push('\n');
        out.origins.push((index, r + 1));
    }
    Ok(())
}

/// Reads a filled `.xlsx` workbook: every sheet named as a template's
/// (other sheets, such as the allowed values, are skipped).
pub fn read_xlsx(bytes: &[u8]) -> Result<Converted, Located> {
    use calamine::{Data, Reader, Xlsx};
    let unreadable = |e: String| Located {
        sheet: String::new(),
        row: 0,
        column: None,
        reason: format!("not an .xlsx workbook: {e}"),
    };
    let mut book: Xlsx<_> =
        Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
    let mut out = Converted::default();
    let mut found = false;
    // In the templates' order, so what is referred to comes first.
    let names = book.sheet_names();
    for template in TEMPLATES {
        let Some(name) = names
            .iter()
            .find(|n| name_key(n) == name_key(template.sheet))
        else {
            continue;
        };
        found = true;
        let range = book
            .worksheet_range(name)
            .map_err(|e| unreadable(e.to_string()))?;
        let rows: Vec<Vec<Cell>> = range
            .rows()
            .map(|row| {
                row.iter()
                    .map(|c| match c {
                        Data::Empty => Cell::Empty,
                        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
                            Cell::Text(s.clone())
                        }
                        Data::Int(i) => Cell::Number(*i as f64),
                        Data::Float(f) => Cell::Number(*f),
                        Data::Bool(b) => Cell::Text(b.to_string()),
                        Data::DateTime(d) => Cell::Date(d.as_f64()),
                        Data::Error(e) => Cell::Text(format!("#{e:?}")),
                    })
                    .collect()
            })
            .collect();
        read_sheet(template, name, &rows, &mut out)?;
    }
    if !found {
        let sheets: Vec<&str> = TEMPLATES.iter().map(|t| t.sheet).collect();
        return Err(unreadable(format!(
            "it has none of the sheets {}",
            sheets.join(", ")
        )));
    }
    Ok(out)
}

/// Reads a `.csv` file of one record kind: UTF-8 with or without a
/// byte-order mark, values between `,` or `;` (as Excel writes them where
/// the comma is the decimal mark).
pub fn read_csv(bytes: &[u8], record: &str) -> Result<Converted, Located> {
    let template = template_of(record).ok_or_else(|| Located {
        sheet: record.to_string(),
        row: 0,
        column: None,
        reason: format!(
            "no template for `{record}`; there are: {}",
            TEMPLATES
                .iter()
                .map(|t| t.record)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    })?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| Located {
        sheet: template.sheet.to_string(),
        row: 0,
        column: None,
        reason: format!("the file is not UTF-8 ({e}); save it as \"CSV UTF-8\""),
    })?;
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let record = record.map_err(|e| Located {
            sheet: template.sheet.to_string(),
            row: n + 1,
            column: None,
            reason: e.to_string(),
        })?;
        rows.push(record.iter().map(|v| Cell::Text(v.to_string())).collect());
    }
    let mut out = Converted::default();
    read_sheet(template, template.sheet, &rows, &mut out)?;
    Ok(out)
}

/// Why a spreadsheet was not imported.
#[derive(Debug, thiserror::Error)]
pub enum SpreadsheetError {
    /// A cell, a header or a record is wrong: nothing was written.
    #[error("{0}")]
    Invalid(Located),
    /// The file is neither `.xlsx` nor `.csv`, or a `.csv` names no record kind.
    #[error("{0}")]
    Unsupported(String),
    /// The database failed.
    #[error("{0}")]
    Store(#[from] crate::store::StoreError),
    #[error("reading the spreadsheet failed: {0}")]
    Io(#[from] std::io::Error),
}

/// Imports a filled spreadsheet named `file_name` (`.xlsx`, or `.csv` of
/// the record kind `record`) in one transaction, as a data file is.
pub async fn import(
    store: &crate::store::Store,
    bytes: &[u8],
    file_name: &str,
    record: Option<&str>,
    today: NaiveDate,
) -> Result<crate::transfer::Counts, SpreadsheetError> {
    let lower = file_name.to_lowercase();
    let converted = if lower.ends_with(".xlsx") {
        read_xlsx(bytes).map_err(SpreadsheetError::Invalid)?
    } else if lower.ends_with(".csv") {
        let Some(record) = record else {
            return Err(SpreadsheetError::Unsupported(format!(
                "say what the rows of {file_name} are (--type {})",
                TEMPLATES
                    .iter()
                    .map(|t| t.record)
                    .collect::<Vec<_>>()
                    .join("|")
            )));
        };
        read_csv(bytes, record).map_err(SpreadsheetError::Invalid)?
    } else {
        return Err(SpreadsheetError::Unsupported(format!(
            "{file_name} is neither .xlsx nor .csv"
        )));
    };
    let reader = std::io::Cursor::new(converted.lines.clone().into_bytes());
    match crate::transfer::import_file(store, reader, today, |_| {}).await {
        Ok(counts) => Ok(counts),
        Err(crate::transfer::ImportError::Line {
            line,
            field,
            reason,
        }) => Err(SpreadsheetError::Invalid(converted.locate(
            line,
            field.as_deref(),
            &reason,
        ))),
        Err(crate::transfer::ImportError::Store(e)) => Err(e.into()),
        Err(crate::transfer::ImportError::Io(e)) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(row: &[&str]) -> Vec<Cell> {
        row.iter().map(|c| Cell::Text(c.to_string())).collect()
    }

    #[test]
    fn cells_are_read_as_people_fill_them() {
        let choice = Kind::Choice(genders);
        // (cell, kind, what the data file gets)
        let table: Vec<(Cell, Kind, Option<&str>)> = vec![
            (Cell::Text("Nữ".into()), choice, Some("FEMALE")),
            (Cell::Text("nu".into()), choice, Some("FEMALE")),
            (Cell::Text("MALE".into()), choice, Some("MALE")),
            (
                Cell::Text("15.000.000".into()),
                Kind::Amount,
                Some("15000000"),
            ),
            (Cell::Number(15_000_000.0), Kind::Amount, Some("15000000")),
            (
                Cell::Text("15/09/2026".into()),
                Kind::Date,
                Some("2026-09-15"),
            ),
            (Cell::Date(46280.0), Kind::Date, Some("2026-09-15")),
            (
                Cell::Date(46280.5),
                Kind::Time,
                Some("2026-09-15T12:00:00+07:00"),
            ),
            (
                Cell::Text("2026-09-15".into()),
                Kind::Time,
                Some("2026-09-15T00:00:00+07:00"),
            ),
            (Cell::Number(7.0), Kind::Text, Some("7")),
            (Cell::Text("  ".into()), Kind::Text, None),
        ];
        for (cell, kind, want) in table {
            let got = value_of(&cell, kind).unwrap();
            assert_eq!(got.as_ref().and_then(|v| v.as_str()), want, "{cell:?}");
        }
        for (cell, kind) in [
            (Cell::Text("Nữ sinh".into()), choice),
            (Cell::Text("15 triệu".into()), Kind::Amount),
            (Cell::Text("31/02/2026".into()), Kind::Date),
        ] {
            assert!(value_of(&cell, kind).is_err(), "{cell:?}");
        }
    }

    #[test]
    fn rows_become_lines_and_errors_name_sheet_row_and_column() {
        let t = template_of("attendance").unwrap();
        let rows = vec![
            cells(&["Họ và tên *", "Mã lớp học", "Giới tính"]),
            cells(&["Nguyễn Thị Lan", "lop-1", "Nữ"]),
            cells(&["", "", ""]),
            cells(&["Trần Văn An", "lop-1", ""]),
        ];
        let mut out = Converted::default();
        read_sheet(t, "Điểm danh", &rows, &mut out).unwrap();
        let lines: Vec<&str> = out.lines.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].contains(r#""gender":"FEMALE""#), "{}", lines[0]);
        // The second line is row 4; its `class` is column B.
        let at = out.locate(2, Some("class"), "there is no class with key `lop-1`");
        assert_eq!(
            at.to_string(),
            "sheet `Điểm danh`, row 4, column B (Mã lớp học): there is no class with key `lop-1`"
        );

        let bad = vec![
            cells(&["Họ và tên", "Mã lớp học", "Giới tính"]),
            cells(&["Lan", "lop-1", "Nữ sinh"]),
        ];
        let err = read_sheet(t, "Điểm danh", &bad, &mut Converted::default()).unwrap_err();
        assert_eq!((err.row, err.column.unwrap().0), (2, "C".to_string()));
        let missing = vec![cells(&["Họ và tên"])];
        let err = read_sheet(t, "Điểm danh", &missing, &mut Converted::default()).unwrap_err();
        assert!(err.reason.contains("Mã lớp học"), "{err}");
    }

    #[test]
    fn a_template_reads_back_empty_and_csv_takes_either_separator() {
        let bytes = template(&[]).unwrap();
        let read = read_xlsx(&bytes).unwrap();
        assert!(read.lines.is_empty());
        let csv = "\u{feff}Mã lớp học;Họ và tên;Giới tính\nlop-1;Lan;Nữ\n";
        let read = read_csv(csv.as_bytes(), "attendance").unwrap();
        assert_eq!(read.lines.lines().count(), 1, "{}", read.lines);
        assert_eq!(letter(27), "AB");
    }
}
