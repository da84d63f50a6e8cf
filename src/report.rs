//! A plan's report as the operator's office sends it: a spreadsheet with
//! the targets against what was done, year by year with a chart per
//! target, and a sheet of the records behind each figure; or the targets
//! as CSV. Headers are Vietnamese, as the People's Committee reads them.

use chrono::NaiveDate;
use rust_xlsxwriter::{Chart, ChartType, Format, Workbook, Worksheet, XlsxError};

use crate::error::Error;
use crate::model::{Plan, TargetStatus};
use crate::ops::Caller;
use crate::ops::reports::{self, TargetReport};
use crate::store::Contributor;

/// The most records listed behind one figure in a spreadsheet.
pub const MAX_ROWS_PER_FIGURE: i64 = 10_000;

/// A plan's report for a year (none: the whole period).
#[derive(Debug, Clone)]
pub struct PlanReport {
    pub plan: Plan,
    pub year: Option<i32>,
    /// The day it was made.
    pub made_on: NaiveDate,
    pub targets: Vec<TargetReport>,
    /// Each year of the plan, with each target's figure for it (in the
    /// targets' order).
    pub years: Vec<(i32, Vec<Option<f64>>)>,
    /// The records behind each target's figure, in the targets' order.
    pub contributors: Vec<Vec<Contributor>>,
}

/// Builds the report of the plan `key` (the operator only); none when
/// there is no such plan.
pub async fn build(
    c: &Caller<'_>,
    key: &str,
    year: Option<i32>,
) -> Result<Option<PlanReport>, Error> {
    let Some(plan) = reports::plan(c, key).await? else {
        return Ok(None);
    };
    let targets = reports::targets(c, &plan, year).await?;
    let mut years = Vec::new();
    for y in plan.calendar_years() {
        let of_year = reports::targets(c, &plan, Some(y)).await?;
        years.push((y, of_year.iter().map(|t| t.actual).collect()));
    }
    let mut contributors = Vec::with_capacity(targets.len());
    for t in &targets {
        contributors.push(match &t.query {
            Some(q) => {
                (c.store
                    .indicator_contributors(q, 0, MAX_ROWS_PER_FIGURE)
                    .await?)
                    .0
            }
            None => vec![],
        });
    }
    Ok(Some(PlanReport {
        plan,
        year,
        made_on: c.clock.today(),
        targets,
        years,
        contributors,
    }))
}

/// A status in Vietnamese.
pub fn status_vi(status: Option<TargetStatus>) -> &'static str {
    match status {
        Some(TargetStatus::OnTrack) => "Đúng tiến độ",
        Some(TargetStatus::AtRisk) => "Chậm tiến độ",
        Some(TargetStatus::Met) => "Đạt",
        Some(TargetStatus::Missed) => "Không đạt",
        None => "Chưa có số liệu",
    }
}

const TARGET_HEADERS: [&str; 13] = [
    "Mã chỉ tiêu",
    "Chỉ tiêu",
    "Chỉ số",
    "Đơn vị",
    "Mục tiêu",
    "Mục tiêu tối đa",
    "Thực hiện",
    "Tỷ lệ hoàn thành (%)",
    "Tình trạng",
    "Từ ngày",
    "Đến ngày",
    "Cơ quan chủ trì",
    "Ghi chú",
];

/// A figure as reports show it: to two decimals.
fn shown(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// One target's row, as text and numbers.
enum Cell {
    Text(String),
    Number(Option<f64>),
}

fn target_row(t: &TargetReport) -> Vec<Cell> {
    let unit = t.target.unit().to_string();
    let note = t.entry.as_ref().map(|e| {
        let mut note = e.note.clone();
        if let Some(link) = &e.evidence {
            note = format!("{note} ({link})").trim().to_string();
        }
        note
    });
    vec![
        Cell::Text(t.target.key.clone()),
        Cell::Text(t.target.label.clone()),
        Cell::Text(t.target.indicator.to_string()),
        Cell::Text(unit),
        Cell::Number(t.due.0),
        Cell::Number(t.due.1),
        Cell::Number(t.actual.map(shown)),
        Cell::Number(
            t.judgement
                .and_then(|j| j.progress)
                .map(|p| (p * 1000.0).round() / 10.0),
        ),
        Cell::Text(status_vi(t.judgement.map(|j| j.status)).to_string()),
        Cell::Text(t.window.from.to_string()),
        Cell::Text(t.window.to.to_string()),
        Cell::Text(t.target.agency.clone()),
        Cell::Text(note.unwrap_or_default()),
    ]
}

/// What the report covers, in words.
fn period_vi(r: &PlanReport) -> String {
    match r.year {
        Some(y) => format!("Năm {y}"),
        None => format!(
            "Cả giai đoạn {} – {}",
            r.plan.starts_on.format("%d/%m/%Y"),
            r.plan.ends_on.format("%d/%m/%Y")
        ),
    }
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    clean.chars().take(31).collect()
}

/// The report as an `.xlsx` workbook.
pub fn xlsx(r: &PlanReport) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let number = Format::new().set_num_format("#,##0.##");
    let sheet_title = sheet_name(&r.plan.slug);

    let sheet = book.add_worksheet();
    sheet.set_name(&sheet_title)?;
    sheet.write_with_format(0, 0, &r.plan.title, &title)?;
    let basis = match r.plan.basis_on {
        Some(day) => format!("Căn cứ: {} ngày {}", r.plan.basis, day.format("%d/%m/%Y")),
        None => format!("Căn cứ: {}", r.plan.basis),
    };
    sheet.write(1, 0, basis)?;
    sheet.write(
        2,
        0,
        format!(
            "Kỳ báo cáo: {} · Ngày lập: {}",
            period_vi(r),
            r.made_on.format("%d/%m/%Y")
        ),
    )?;
    let top = 4;
    for (col, header) in TARGET_HEADERS.iter().enumerate() {
        sheet.write_with_format(top, col as u16, *header, &bold)?;
    }
    for (i, t) in r.targets.iter().enumerate() {
        let row = top + 1 + i as u32;
        write_row(sheet, row, &target_row(t), &number)?;
    }
    sheet.set_column_width(1, 60)?;
    sheet.set_column_width(2, 28)?;
    for col in 3..=12 {
        sheet.set_column_width(col, 14)?;
    }

    // Year by year, and a chart per target.
    let table = top + r.targets.len() as u32 + 3;
    sheet.write_with_format(table - 1, 0, "Thực hiện theo năm", &bold)?;
    sheet.write(
        table - 1,
        1,
        "(chỉ tiêu hằng năm: số của năm; chỉ tiêu cả giai đoạn: lũy kế đến cuối năm)",
    )?;
    sheet.write_with_format(table, 0, "Mã chỉ tiêu", &bold)?;
    sheet.write_with_format(table, 1, "Chỉ tiêu", &bold)?;
    for (k, (year, _)) in r.years.iter().enumerate() {
        sheet.write_with_format(table, 2 + k as u16, *year, &bold)?;
    }
    let last_col = 1 + r.years.len() as u16;
    for (i, t) in r.targets.iter().enumerate() {
        let row = table + 1 + i as u32;
        sheet.write(row, 0, &t.target.key)?;
        sheet.write(row, 1, &t.target.label)?;
        for (k, (_, figures)) in r.years.iter().enumerate() {
            if let Some(Some(v)) = figures.get(i) {
                sheet.write_with_format(row, 2 + k as u16, shown(*v), &number)?;
            }
        }
        if r.years.is_empty() {
            continue;
        }
        let mut chart = Chart::new(ChartType::Column);
        chart.title().set_name(&t.target.label);
        chart
            .add_series()
            .set_name("Thực hiện")
            .set_categories((sheet_title.as_str(), table, 2, table, last_col))
            .set_values((sheet_title.as_str(), row, 2, row, last_col));
        chart.legend().set_hidden();
        chart.set_width(520).set_height(260);
        let chart_row = table + r.targets.len() as u32 + 2 + 14 * i as u32;
        sheet.insert_chart(chart_row, 1, &chart)?;
    }

    // The records behind each figure.
    let records = book.add_worksheet();
    records.set_name("Số liệu chi tiết")?;
    let headers = [
        "Mã chỉ tiêu",
        "Loại",
        "Tên",
        "Ngày",
        "Giá trị (VND)",
        "Số bản ghi",
    ];
    for (col, header) in headers.iter().enumerate() {
        records.write_with_format(0, col as u16, *header, &bold)?;
    }
    let mut row = 1;
    for (t, list) in r.targets.iter().zip(&r.contributors) {
        for c in list {
            records.write(row, 0, &t.target.key)?;
            records.write(row, 1, c.kind.tag())?;
            records.write(row, 2, &c.name)?;
            if let Some(day) = c.day {
                records.write(row, 3, day.to_string())?;
            }
            if let Some(v) = c.vnd {
                records.write_with_format(row, 4, v, &number)?;
            }
            records.write(row, 5, c.lines as f64)?;
            row += 1;
        }
    }
    records.set_column_width(2, 50)?;
    records.set_column_width(4, 16)?;
    book.save_to_buffer()
}

fn write_row(
    sheet: &mut Worksheet,
    row: u32,
    cells: &[Cell],
    number: &Format,
) -> Result<(), XlsxError> {
    for (col, cell) in cells.iter().enumerate() {
        match cell {
            Cell::Text(t) if !t.is_empty() => {
                sheet.write(row, col as u16, t)?;
            }
            Cell::Number(Some(v)) => {
                sheet.write_with_format(row, col as u16, *v, number)?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// The targets as CSV (UTF-8 with a byte-order mark, as Excel opens it),
/// with a column per year of the plan.
pub fn csv(r: &PlanReport) -> Vec<u8> {
    let mut out = Vec::from(b"\xEF\xBB\xBF".as_slice());
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let mut header: Vec<String> = TARGET_HEADERS.iter().map(|h| h.to_string()).collect();
        header.extend(r.years.iter().map(|(y, _)| y.to_string()));
        w.write_record(&header).expect("BUG: writing to memory");
        for (i, t) in r.targets.iter().enumerate() {
            let mut fields: Vec<String> = target_row(t)
                .into_iter()
                .map(|c| match c {
                    Cell::Text(t) => t,
                    Cell::Number(v) => v.map(|v| v.to_string()).unwrap_or_default(),
                })
                .collect();
            fields.extend(r.years.iter().map(|(_, figures)| {
                figures
                    .get(i)
                    .copied()
                    .flatten()
                    .map(|v| shown(v).to_string())
                    .unwrap_or_default()
            }));
            w.write_record(&fields).expect("BUG: writing to memory");
        }
        w.flush().expect("BUG: writing to memory");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_fit_excel() {
        assert_eq!(sheet_name("a/b:c"), "a-b-c");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }
}
