//! The demo's five plans with their real targets, and the years of records
//! they are reported from: each plan province's yearly support programmes
//! (their cohorts, the services and direct support they gave, the capital
//! some supported startups raised afterwards), its classes and trainees,
//! and its connection events, from 2017 to 2025. The figures come out of
//! these records the way a real deployment's would: some targets met, some
//! missed, the report page shows which.
//!
//! Drawn from the demo's own startups and investors in file order, with a
//! fixed mixing of indexes: the same records give the same history.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::programmes::{call, programme};
use super::ymd;
use crate::datafile::{
    ApplicationRecord, AttendanceRecord, ClassRecord, EventRecord, InvestmentRecord,
    InvestorRecord, PlanRecord, Record, StartupRecord, SupportRecord,
};
use crate::model::{
    ApplicationStatus, Audience, BudgetSource, Currency, EventKind, EventScope, Gender, Indicator,
    IndicatorFilter, InvestorKind, Money, OrganizationKind, ProgrammeKind, Stage, SupportKind,
    SupportOrigin, TargetDraft,
};

/// A fixed mixing of a number (splitmix64), for choices that must not
/// depend on a random stream.
fn mix(n: u64) -> u64 {
    let mut z = n.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn day_of(year: i32, n: u64) -> NaiveDate {
    let month = (mix(n) % 12) as u32 + 1;
    let day = (mix(n + 7) % 28) as u32 + 1;
    ymd(year, month, day)
}

fn time(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("BUG: a valid time")
}

/// A target: `min`/`max`, per year or not, with a filter.
#[allow(clippy::too_many_arguments)]
fn target(
    key: &str,
    indicator: Indicator,
    label: &str,
    label_en: &str,
    (min, max): (Option<f64>, Option<f64>),
    unit: &str,
    per_year: bool,
    agency: &str,
    filter: IndicatorFilter,
) -> TargetDraft {
    TargetDraft {
        key: key.into(),
        indicator,
        label: label.into(),
        label_en: label_en.into(),
        min,
        max,
        unit: unit.into(),
        per_year,
        agency: agency.into(),
        filter,
    }
}

const DOST: &str = "Sở Khoa học và Công nghệ";

fn services() -> IndicatorFilter {
    IndicatorFilter {
        support_kinds: vec![
            SupportKind::Training,
            SupportKind::Mentoring,
            SupportKind::LegalIp,
            SupportKind::MarketAccess,
            SupportKind::Space,
            SupportKind::FairBooth,
            SupportKind::Media,
        ],
        ..IndicatorFilter::default()
    }
}

fn direct() -> IndicatorFilter {
    IndicatorFilter {
        support_kinds: vec![
            SupportKind::Incubation,
            SupportKind::Acceleration,
            SupportKind::Grant,
        ],
        ..IndicatorFilter::default()
    }
}

/// The five plans and their targets, as the plans state them.
fn plans() -> Vec<PlanRecord> {
    use Indicator as I;
    let none = IndicatorFilter::default;
    let at_least = |v: f64| (Some(v), None);
    let between = |a: f64, b: f64| (Some(a), Some(b));
    let centres = |kinds: Vec<OrganizationKind>| IndicatorFilter {
        organization_kinds: kinds,
        ..IndicatorFilter::default()
    };
    vec![
        PlanRecord {
            key: "hai-phong-2017-2020".into(),
            title: "Kế hoạch phát triển hệ sinh thái khởi nghiệp đổi mới sáng tạo thành phố Hải Phòng đến năm 2020".into(),
            title_en: "Hải Phòng's innovative startup ecosystem plan to 2020".into(),
            province: Some("hai-phong".into()),
            starts_on: ymd(2017, 6, 5),
            ends_on: ymd(2020, 12, 31),
            basis: "1394/QĐ-UBND".into(),
            basis_on: Some(ymd(2017, 6, 5)),
            targets: vec![
                target("du-an-duoc-ho-tro", I::Supported, "Hỗ trợ 100 dự án khởi nghiệp đổi mới sáng tạo",
                    "Support 100 innovative startup projects", at_least(100.0), "dự án", false, DOST, none()),
                target("goi-von-thanh-cong", I::SupportedRaisedCapitalShare,
                    "Ít nhất 20% số dự án được hỗ trợ gọi vốn thành công",
                    "At least 20% of the supported projects raise capital", at_least(20.0), "%", false, DOST, none()),
                target("doanh-nghiep-khoi-nghiep", I::Incubated, "Phát triển 50 doanh nghiệp khởi nghiệp",
                    "Develop 50 startups", at_least(50.0), "doanh nghiệp", false, DOST, none()),
                target("doanh-nghiep-khcn", I::StEnterprises, "Ít nhất 20 doanh nghiệp khoa học và công nghệ",
                    "At least 20 certified science-and-technology enterprises", at_least(20.0), "doanh nghiệp", false, DOST, none()),
                target("trung-tam-ho-tro", I::Organizations,
                    "01 Trung tâm hỗ trợ khởi nghiệp của thành phố và 2–3 trung tâm theo hình thức hợp tác công tư",
                    "One city startup support centre and 2–3 public–private centres", between(3.0, 4.0), "trung tâm", false, DOST,
                    centres(vec![OrganizationKind::SupportCenter, OrganizationKind::Incubator, OrganizationKind::Accelerator])),
            ],
        },
        PlanRecord {
            key: "hai-phong-2021-2025".into(),
            title: "Kế hoạch phát triển hệ sinh thái khởi nghiệp đổi mới sáng tạo thành phố Hải Phòng giai đoạn 2021–2025".into(),
            title_en: "Hải Phòng's innovative startup ecosystem plan, 2021–2025".into(),
            province: Some("hai-phong".into()),
            starts_on: ymd(2021, 1, 1),
            ends_on: ymd(2025, 12, 31),
            basis: "Quyết định 844/QĐ-TTg; Quyết định 188/QĐ-TTg".into(),
            basis_on: None,
            targets: vec![
                target("du-an-duoc-ho-tro", I::Supported, "Hỗ trợ 300 dự án khởi nghiệp đổi mới sáng tạo",
                    "Support 300 innovative startup projects", at_least(300.0), "dự án", false, DOST, none()),
                target("ho-tro-dich-vu", I::Supported, "150–200 dự án được hỗ trợ dịch vụ",
                    "Services for 150–200 projects", between(150.0, 200.0), "dự án", false, DOST, services()),
                target("ho-tro-truc-tiep", I::Supported, "50 dự án được hỗ trợ trực tiếp",
                    "Direct support for 50 projects", at_least(50.0), "dự án", false, DOST, direct()),
                target("goi-von-thanh-cong", I::SupportedRaisedCapitalShare,
                    "Ít nhất 20% số dự án được hỗ trợ trực tiếp gọi vốn thành công từ nhà đầu tư",
                    "At least 20% of the directly supported projects raise capital from investors", at_least(20.0), "%", false, DOST, direct()),
                target("trung-tam-cau-lac-bo", I::Organizations, "5–6 trung tâm, câu lạc bộ khởi nghiệp",
                    "5–6 startup centres and clubs", between(5.0, 6.0), "đơn vị", false, DOST,
                    centres(vec![OrganizationKind::SupportCenter, OrganizationKind::StartupClub, OrganizationKind::Incubator, OrganizationKind::UniversityCenter])),
                target("huan-luyen-vien-co-van", I::MentorsAndInvestors,
                    "Thu hút 150–200 huấn luyện viên, cố vấn, chuyên gia, nhà đầu tư",
                    "Attract 150–200 coaches, mentors, experts and investors", between(150.0, 200.0), "người", false, DOST, none()),
            ],
        },
        PlanRecord {
            key: "ho-chi-minh-2022".into(),
            title: "Kế hoạch triển khai Đề án hỗ trợ phát triển hệ sinh thái khởi nghiệp đổi mới sáng tạo Thành phố Hồ Chí Minh năm 2022".into(),
            title_en: "Ho Chi Minh City's startup ecosystem plan for 2022".into(),
            province: Some("ho-chi-minh".into()),
            starts_on: ymd(2022, 1, 1),
            ends_on: ymd(2022, 12, 31),
            basis: "468/KH-UBND".into(),
            basis_on: Some(ymd(2022, 2, 16)),
            targets: vec![
                target("uom-tao", I::Incubated, "Ươm tạo 200 dự án khởi nghiệp đổi mới sáng tạo",
                    "Incubate 200 innovative startup projects", at_least(200.0), "dự án", false, DOST, none()),
                target("goi-von-mao-hiem", I::Funded, "20 dự án tiếp cận được quỹ đầu tư mạo hiểm",
                    "20 projects reach venture capital", at_least(20.0), "dự án", false, DOST,
                    IndicatorFilter { investor_kinds: vec![InvestorKind::VcFund], ..IndicatorFilter::default() }),
                target("doanh-nghiep-dao-tao", I::TrainedEnterprises, "Đào tạo ít nhất 400 doanh nghiệp",
                    "Train at least 400 enterprises", at_least(400.0), "doanh nghiệp", false, DOST, none()),
                target("hoc-vien", I::Trainees, "1.000 học viên", "1,000 trainees", at_least(1_000.0), "người", false, DOST, none()),
                target("tin-bai", I::Entered, "1.000 tin, bài truyền thông về khởi nghiệp",
                    "1,000 news items on startups", at_least(1_000.0), "tin, bài", false, DOST, none()),
            ],
        },
        PlanRecord {
            key: "hung-yen-2021-2025".into(),
            title: "Kế hoạch hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo tỉnh Hưng Yên giai đoạn 2021–2025".into(),
            title_en: "Hưng Yên's innovative startup ecosystem plan, 2021–2025".into(),
            province: Some("hung-yen".into()),
            starts_on: ymd(2021, 9, 16),
            ends_on: ymd(2025, 12, 31),
            basis: "142/KH-UBND".into(),
            basis_on: Some(ymd(2021, 9, 16)),
            targets: vec![
                target("hoc-vien", I::Trainees, "Đào tạo, tập huấn khoảng 10.000 người",
                    "Train about 10,000 people", at_least(10_000.0), "người", false, DOST, none()),
                target("vuon-uom-khong-gian", I::Organizations, "02 cơ sở ươm tạo, khu làm việc chung",
                    "Two incubators or co-working spaces", at_least(2.0), "cơ sở", false, DOST,
                    centres(vec![OrganizationKind::Incubator, OrganizationKind::Coworking])),
                target("du-an-thanh-cong", I::Entered, "3–5 dự án khởi nghiệp thành công mỗi năm",
                    "3–5 successful startup projects a year", between(3.0, 5.0), "dự án", true, DOST, none()),
                target("goi-von-moi-nam", I::Funded, "Ít nhất 01 dự án được nhà đầu tư rót vốn mỗi năm",
                    "At least one project funded by investors a year", at_least(1.0), "dự án", true, DOST, none()),
                target("lop-tap-huan", I::Trainings, "2–5 lớp đào tạo mỗi năm cho mỗi chủ đề",
                    "2–5 trainings a year per topic", at_least(6.0), "lớp", true, DOST, none()),
            ],
        },
        PlanRecord {
            key: "can-tho-2021-2025".into(),
            title: "Kế hoạch hỗ trợ phát triển hệ sinh thái khởi nghiệp đổi mới sáng tạo thành phố Cần Thơ giai đoạn 2021–2025, định hướng đến năm 2030".into(),
            title_en: "Cần Thơ's innovative startup ecosystem plan, 2021–2025, towards 2030".into(),
            province: Some("can-tho".into()),
            starts_on: ymd(2021, 6, 30),
            ends_on: ymd(2025, 12, 31),
            basis: "135/KH-UBND".into(),
            basis_on: Some(ymd(2021, 6, 30)),
            targets: vec![
                target("y-tuong-du-an", I::Supported, "Hỗ trợ ít nhất 50 ý tưởng, dự án khởi nghiệp",
                    "Support at least 50 startup ideas and projects", at_least(50.0), "dự án", false, DOST, none()),
                target("doanh-nghiep-khcn-moi", I::NewStEnterprises, "14 tổ chức, doanh nghiệp khoa học và công nghệ mới",
                    "14 new science-and-technology organisations or enterprises", at_least(14.0), "doanh nghiệp", false, DOST, none()),
                target("su-kien-dia-phuong", I::Events, "03 sự kiện kết nối khởi nghiệp tại địa phương mỗi năm",
                    "Three local startup connection events a year", at_least(3.0), "sự kiện", true, DOST,
                    IndicatorFilter { event_scopes: vec![EventScope::Local], ..IndicatorFilter::default() }),
                target("su-kien-vung", I::Events, "01 sự kiện kết nối khởi nghiệp vùng Đồng bằng sông Cửu Long mỗi năm",
                    "One Mekong-regional startup connection event a year", at_least(1.0), "sự kiện", true, DOST,
                    IndicatorFilter { event_scopes: vec![EventScope::Regional], ..IndicatorFilter::default() }),
                target("khoa-dao-tao", I::Trainings,
                    "02 khóa đào tạo cơ bản, 01 khóa hệ sinh thái và 02 khóa kỹ năng mỗi năm",
                    "Two basic, one ecosystem and two skills courses a year", at_least(5.0), "khóa", true, DOST,
                    IndicatorFilter { programme_kinds: vec![ProgrammeKind::TrainingCourse], ..IndicatorFilter::default() }),
                target("phong-trung-bay", I::Entered, "Ít nhất 03 phòng trưng bày sản phẩm khởi nghiệp",
                    "At least three startup product showrooms", at_least(3.0), "phòng", false, DOST, none()),
            ],
        },
    ]
}

/// Vietnamese names for trainees: family, middle and given names.
const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý",
];
const MIDDLE: &[(&str, Gender)] = &[
    ("Thị", Gender::Female),
    ("Văn", Gender::Male),
    ("Ngọc", Gender::Female),
    ("Đức", Gender::Male),
    ("Thu", Gender::Female),
    ("Minh", Gender::Male),
    ("Thanh", Gender::Female),
    ("Quốc", Gender::Male),
];
const GIVEN: &[&str] = &[
    "An", "Bình", "Châu", "Dung", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Hùng", "Hương",
    "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Ngân", "Nhung", "Phong", "Phúc", "Phương",
    "Quân", "Quỳnh", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Trung", "Tú", "Tuấn", "Vân", "Việt",
    "Yến",
];
/// Where trainees come from, by group.
const PLACES: &[(&str, Audience)] = &[
    ("Hợp tác xã", Audience::Farmers),
    ("Hội Liên hiệp Phụ nữ xã", Audience::Women),
    ("Trường", Audience::Students),
    ("Đoàn Thanh niên xã", Audience::Youth),
    ("Công ty", Audience::Enterprises),
];

/// The demo's startups of `province`.
fn startups_of<'a>(startups: &[&'a StartupRecord], province: &str) -> Vec<&'a StartupRecord> {
    (startups.iter())
        .filter(|s| s.province.as_deref() == Some(province))
        .copied()
        .collect()
}

/// The history's builder.
struct History {
    out: Vec<Record>,
    /// The active private investors.
    investors: Vec<InvestorRecord>,
    n: u64,
}

impl History {
    fn next(&mut self) -> u64 {
        self.n += 1;
        mix(self.n)
    }

    #[allow(clippy::too_many_arguments)]
    fn support(
        &mut self,
        key: String,
        startup: Option<String>,
        recipient: Option<String>,
        programme: &str,
        organization: &str,
        kind: SupportKind,
        value: i64,
        day: NaiveDate,
    ) {
        let source = if self.next().is_multiple_of(4) {
            BudgetSource::Socialized
        } else {
            BudgetSource::State
        };
        self.out.push(Record::Support(SupportRecord {
            key,
            startup,
            recipient,
            programme: Some(programme.into()),
            organization: Some(organization.into()),
            kind,
            value_vnd: Some(value),
            budget_source: Some(source),
            given_on: day,
            note: String::new(),
            origin: SupportOrigin::Manual,
        }));
    }

    /// A year's support programme in a province: `cohort` startups
    /// accepted into its incubation (decided in June), direct support
    /// (grants) to them and to `projects` named projects, services to
    /// `served` named projects; a quarter of the cohort raises capital
    /// the next year.
    #[allow(clippy::too_many_arguments)]
    fn year_of_support(
        &mut self,
        province: &str,
        label: &str,
        organization: &str,
        year: i32,
        cohort: &[&StartupRecord],
        projects: usize,
        served: usize,
    ) {
        let key = format!("ho-tro-khoi-nghiep-{province}-{year}");
        self.out.push(programme(
            &key,
            &format!("Chương trình hỗ trợ khởi nghiệp đổi mới sáng tạo {label} {year}"),
            ProgrammeKind::BusinessIncubation,
            organization,
            province,
            (ymd(year, 1, 1), ymd(year, 12, 31)),
            (cohort.len() as i32).max(1),
            2_000_000_000,
            BudgetSource::State,
            &[],
            &[],
            &[],
            (
                "Tuyển chọn, ươm tạo dự án khởi nghiệp và hỗ trợ dịch vụ trong năm.",
                "The year's selection and incubation of startup projects, and services.",
            ),
        ));
        let call_key = format!("{key}-tuyen-chon");
        self.out.push(call(
            &call_key,
            &key,
            &format!("Tuyển chọn dự án ươm tạo {year}"),
            (
                &format!("{year}-02-01T08:00:00+07:00"),
                &format!("{year}-04-30T17:00:00+07:00"),
            ),
            (cohort.len() as i32).max(1),
            &[],
            &[],
            &[],
            &[],
        ));
        // Only startups founded by then apply.
        let founded = |s: &&&StartupRecord| s.founded_on.is_none_or(|f| f < ymd(year, 2, 1));
        for (i, s) in cohort.iter().filter(founded).enumerate() {
            let startup = &s.key;
            self.out.push(Record::Application(ApplicationRecord {
                call: call_key.clone(),
                startup: startup.clone(),
                status: ApplicationStatus::Accepted,
                answers: vec![],
                submitted_at: Some(time(&format!("{year}-04-{:02}T10:00:00+07:00", i % 28 + 1))),
                decided_at: Some(time(&format!("{year}-06-15T16:00:00+07:00"))),
            }));
            let grant = 50_000_000 + (self.next() % 10) as i64 * 10_000_000;
            self.support(
                format!("{key}-tai-tro-{i}"),
                Some(startup.clone()),
                None,
                &key,
                organization,
                SupportKind::Grant,
                grant,
                ymd(year, 7, 1),
            );
            // A quarter of the cohort raises capital the next year.
            if self.next().is_multiple_of(4) {
                let start = self.next() as usize;
                let n = self.investors.len();
                // An investor of one of its sectors, its usual ticket.
                let backer = (0..n)
                    .map(|k| &self.investors[(start + k) % n])
                    .find(|v| v.sectors.iter().any(|x| s.sectors.contains(x)))
                    .cloned();
                let date = day_of(year + 1, self.next());
                let founded = s.founded_on.is_none_or(|f| date > f) && date <= super::last_date();
                if let (Some(v), true) = (backer, founded) {
                    let amount = match (v.ticket_min, v.ticket_max) {
                        (Some(min), Some(max)) => Money {
                            amount: min.amount + (max.amount - min.amount) / 2,
                            currency: min.currency,
                        },
                        (Some(one), None) | (None, Some(one)) => one,
                        (None, None) => Money {
                            amount: 1_000_000_000,
                            currency: Currency::Vnd,
                        },
                    };
                    self.out.push(Record::Investment(InvestmentRecord {
                        investor: v.key.clone(),
                        startup: startup.clone(),
                        amount,
                        round: s.stage.min(Stage::Seed),
                        date,
                        confidential: false,
                    }));
                }
            }
        }
        for i in 0..projects {
            let day = day_of(year, self.next());
            self.support(
                format!("{key}-du-an-{i}"),
                None,
                Some(format!("Dự án khởi nghiệp {label} {year}-{:02}", i + 1)),
                &key,
                organization,
                SupportKind::Incubation,
                30_000_000,
                day,
            );
        }
        let kinds = [
            SupportKind::Training,
            SupportKind::Mentoring,
            SupportKind::LegalIp,
            SupportKind::MarketAccess,
            SupportKind::Space,
            SupportKind::FairBooth,
        ];
        for i in 0..served {
            let day = day_of(year, self.next());
            let kind = kinds[(self.next() % kinds.len() as u64) as usize];
            let value = 5_000_000 + (self.next() % 5) as i64 * 1_000_000;
            self.support(
                format!("{key}-dich-vu-{i}"),
                None,
                Some(format!("Nhóm khởi nghiệp {label} {year}-{:03}", i + 1)),
                &key,
                organization,
                kind,
                value,
                day,
            );
        }
    }

    /// A year's training course in a province: `classes` classes of
    /// `people` trainees each; class `c` takes the people numbered from
    /// `first + c × step`, so that with a step below `people` some return.
    #[allow(clippy::too_many_arguments)]
    fn year_of_training(
        &mut self,
        province: &str,
        label: &str,
        organization: &str,
        year: i32,
        classes: usize,
        people: usize,
        (first, step): (usize, usize),
    ) {
        let key = format!("dao-tao-khoi-nghiep-{province}-{year}");
        self.out.push(programme(
            &key,
            &format!("Đào tạo, tập huấn khởi nghiệp {label} {year}"),
            ProgrammeKind::TrainingCourse,
            organization,
            province,
            (ymd(year, 1, 1), ymd(year, 12, 31)),
            (classes * people) as i32,
            300_000_000,
            BudgetSource::State,
            &[],
            &[],
            &[Audience::Farmers, Audience::Women, Audience::Students],
            (
                "Các lớp đào tạo khởi nghiệp theo chủ đề trong năm.",
                "The year's startup classes, by topic.",
            ),
        ));
        const TOPICS: &[&str] = &[
            "Tư duy khởi nghiệp",
            "Mô hình kinh doanh",
            "Kỹ năng gọi vốn",
            "Sở hữu trí tuệ",
            "Chuyển đổi số",
            "Thương mại điện tử",
            "Marketing",
            "Quản trị tài chính",
        ];
        for c in 0..classes {
            let class = format!("{key}-lop-{}", c + 1);
            self.out.push(Record::Class(ClassRecord {
                key: class.clone(),
                programme: key.clone(),
                title: TOPICS[c % TOPICS.len()].into(),
                held_on: ymd(year, (c % 11) as u32 + 2, (c * 3 % 27) as u32 + 1),
                province: Some(province.into()),
                hours: Some(8),
                trainer: Some("Chuyên gia của mạng lưới cố vấn".into()),
            }));
            for who in (first + c * step)..(first + c * step + people) {
                self.out.push(trainee(&class, who));
            }
        }
    }
}

/// Trainee number `who`: a name, where they come from, and their group.
fn trainee(class: &str, who: usize) -> Record {
    let family = FAMILY[who % FAMILY.len()];
    let (middle, gender) = MIDDLE[(who / FAMILY.len()) % MIDDLE.len()];
    let given = GIVEN[(who / (FAMILY.len() * MIDDLE.len())) % GIVEN.len()];
    let round = who / (FAMILY.len() * MIDDLE.len() * GIVEN.len());
    let (place, group) = PLACES[(mix(who as u64) % PLACES.len() as u64) as usize];
    let place_no = mix(who as u64 + 1) % 120 + 1;
    Record::Attendance(AttendanceRecord {
        class: class.into(),
        person: if round == 0 {
            format!("{family} {middle} {given}")
        } else {
            format!("{family} {middle} {given} ({})", round + 1)
        },
        organization: Some(format!("{place} số {place_no}")),
        gender: Some(gender),
        group: Some(group),
        startup: None,
    })
}

/// A connection event of Cần Thơ's plan.
fn event(key: String, title: String, kind: EventKind, starts: &str, scope: EventScope) -> Record {
    Record::Event(EventRecord {
        key,
        title,
        kind,
        description: "Sự kiện kết nối hệ sinh thái khởi nghiệp đổi mới sáng tạo.".into(),
        starts_at: time(starts),
        ends_at: Some(time(starts) + chrono::Duration::hours(3)),
        province: Some("can-tho".into()),
        organizer: Some("castihub".into()),
        sectors: vec![],
        website: None,
        scope,
    })
}

/// The plans and the years of records behind them, after `records` (the
/// demo's profiles and programmes).
pub(super) fn demo_plans(records: &[Record]) -> Vec<Record> {
    let startups: Vec<&StartupRecord> = (records.iter())
        .filter_map(|r| match r {
            Record::Startup(s) => Some(s),
            _ => None,
        })
        .collect();
    let investors = (records.iter())
        .filter_map(|r| match r {
            Record::Investor(i) if i.active && i.kind != InvestorKind::PublicFund => {
                Some(i.clone())
            }
            _ => None,
        })
        .collect();
    let mut h = History {
        out: Vec::new(),
        investors,
        n: 2025,
    };
    // Hải Phòng, 2017–2025: a cohort of four each year, direct support to
    // named projects and services to many more.
    let hai_phong = startups_of(&startups, "hai-phong");
    for (i, year) in (2017..=2025).enumerate() {
        let cohort: Vec<&StartupRecord> = hai_phong.iter().skip(i * 3).take(4).copied().collect();
        let (projects, served) = if year <= 2020 { (8, 22) } else { (18, 40) };
        h.year_of_support(
            "hai-phong",
            "Hải Phòng",
            "hai-phong-startup-centre",
            year,
            &cohort,
            projects,
            served,
        );
    }
    // Ho Chi Minh City, 2022: incubation at SIHUB and a year of classes.
    let hcmc = startups_of(&startups, "ho-chi-minh");
    let cohort: Vec<&StartupRecord> = hcmc.iter().take(24).copied().collect();
    h.year_of_support(
        "ho-chi-minh",
        "TP. Hồ Chí Minh",
        "sihub",
        2022,
        &cohort,
        60,
        40,
    );
    h.year_of_training(
        "ho-chi-minh",
        "TP. Hồ Chí Minh",
        "sihub",
        2022,
        12,
        95,
        (0, 88),
    );
    // Hưng Yên, 2021–2025: trainings for about two thousand people a year,
    // and a small cohort.
    let hung_yen = startups_of(&startups, "hung-yen");
    for (i, year) in (2021..=2025).enumerate() {
        h.year_of_training(
            "hung-yen",
            "Hưng Yên",
            "hung-yen-innovation-centre",
            year,
            8,
            260,
            (i * 2_010, 250),
        );
        let cohort: Vec<&StartupRecord> = hung_yen.iter().skip(i * 2).take(2).copied().collect();
        h.year_of_support(
            "hung-yen",
            "Hưng Yên",
            "hung-yen-innovation-centre",
            year,
            &cohort,
            1,
            4,
        );
    }
    // Cần Thơ, 2021–2025: a cohort and services each year, its courses,
    // its local connection events and the regional one.
    let can_tho = startups_of(&startups, "can-tho");
    for (i, year) in (2021..=2025).enumerate() {
        let cohort: Vec<&StartupRecord> = can_tho.iter().skip(i * 2).take(3).copied().collect();
        h.year_of_support("can-tho", "Cần Thơ", "castihub", year, &cohort, 2, 7);
        h.year_of_training(
            "can-tho",
            "Cần Thơ",
            "ctu-startup-centre",
            year,
            5,
            40,
            (i * 180, 36),
        );
        let locals = if year == 2023 { 2 } else { 3 };
        for n in 0..locals {
            h.out.push(event(
                format!("ca-phe-cong-nghe-can-tho-{year}-{}", n + 1),
                format!("Cà phê công nghệ Cần Thơ {year} số {}", n + 1),
                EventKind::Networking,
                &format!("{year}-{:02}-15T15:00:00+07:00", 3 + n * 3),
                EventScope::Local,
            ));
        }
        if year < 2025 {
            h.out.push(event(
                format!("techfest-mekong-{year}"),
                format!("Techfest Mekong {year}"),
                EventKind::Festival,
                &format!("{year}-12-10T08:00:00+07:00"),
                EventScope::Regional,
            ));
        }
    }
    h.out.extend(plans().into_iter().map(Record::Plan));
    // In the file's order of types: what is referred to first.
    let order = |r: &Record| Record::TYPES.iter().position(|t| *t == r.type_name());
    h.out.sort_by_key(order);
    h.out
}
