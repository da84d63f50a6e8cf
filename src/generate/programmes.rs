//! The demo's programmes: the ones the plans name (Cần Thơ's Mekong Startup
//! Runway and its yearly basic course, Hải Phòng's incubation programme and
//! its Techfest contest, the pitching-practice programme at SIHUB, Hưng
//! Yên's trainings), each with its calls, applications in every status,
//! classes and attendance, and support given by hand, drawn from the demo's
//! own startups so that the playground shows the whole flow.
//!
//! Applicants are the demo's startups of the programme's province (and
//! sectors, where the call names some), taken in file order: the same
//! records give the same programmes.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::ymd;
use crate::datafile::{
    ApplicationRecord, AttendanceRecord, CallRecord, ClassRecord, ProgrammeRecord, Record,
    StartupRecord, SupportRecord,
};
use crate::model::{
    ApplicationStatus, Audience, BudgetSource, Criterion, Gender, ProgrammeKind, Stage, StartupTag,
    SupportKind, SupportOrigin, Topic,
};

/// A time in Vietnam.
fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("BUG: a valid time")
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn criteria(list: &[(&str, i32)]) -> Vec<Criterion> {
    (list.iter())
        .map(|(name, max_points)| Criterion {
            name: name.to_string(),
            max_points: *max_points,
        })
        .collect()
}

/// The evaluation form the plans' councils use for incubation and contests.
const FORM: &[(&str, i32)] = &[
    ("Tính mới, sáng tạo của giải pháp", 30),
    ("Thị trường và khả năng thương mại hóa", 30),
    ("Năng lực đội ngũ", 20),
    ("Tác động kinh tế - xã hội", 20),
];

/// The questions every demo call asks.
const QUESTIONS: &[&str] = &[
    "Vấn đề bạn giải quyết là gì, và cho ai?",
    "Sản phẩm hoặc giải pháp của bạn đã đi đến đâu?",
    "Đội ngũ của bạn gồm những ai?",
];

/// The statuses applications are spread over, in order, for a call that
/// has closed (decisions made) and one still open.
const CLOSED: &[ApplicationStatus] = &[
    ApplicationStatus::Accepted,
    ApplicationStatus::Rejected,
    ApplicationStatus::Accepted,
    ApplicationStatus::Shortlisted,
    ApplicationStatus::Accepted,
    ApplicationStatus::Rejected,
    ApplicationStatus::Withdrawn,
    ApplicationStatus::Accepted,
    ApplicationStatus::Screening,
    ApplicationStatus::Rejected,
];
const OPEN: &[ApplicationStatus] = &[
    ApplicationStatus::Submitted,
    ApplicationStatus::Screening,
    ApplicationStatus::Draft,
    ApplicationStatus::Shortlisted,
    ApplicationStatus::Submitted,
    ApplicationStatus::Withdrawn,
];

/// Trainees of the demo's classes: name, gender, group.
const TRAINEES: &[(&str, Gender, Option<Audience>)] = &[
    ("Nguyễn Thị Hương", Gender::Female, Some(Audience::Women)),
    ("Trần Văn Nam", Gender::Male, Some(Audience::Youth)),
    ("Lê Thị Mai", Gender::Female, Some(Audience::Farmers)),
    ("Phạm Minh Tuấn", Gender::Male, Some(Audience::Students)),
    ("Võ Thị Thanh", Gender::Female, Some(Audience::Students)),
    ("Huỳnh Văn Lợi", Gender::Male, Some(Audience::Farmers)),
    ("Đặng Thị Ngọc", Gender::Female, Some(Audience::Enterprises)),
    ("Bùi Quốc Bảo", Gender::Male, Some(Audience::Youth)),
    ("Đỗ Thị Lan", Gender::Female, Some(Audience::Farmers)),
    ("Ngô Thanh Phong", Gender::Male, Some(Audience::Enterprises)),
];

/// At most the first `n` of `list`.
fn first(list: &[String], n: usize) -> Vec<String> {
    list.iter().take(n).cloned().collect()
}

/// One demo programme and what happened in it.
struct Demo<'a> {
    out: Vec<Record>,
    startups: &'a [&'a StartupRecord],
}

impl Demo<'_> {
    /// The demo's startups in `province` (of one of `sectors`, when given),
    /// skipping the first `skip`, at most `n`.
    fn applicants(&self, province: &str, sectors: &[&str], skip: usize, n: usize) -> Vec<String> {
        (self.startups.iter())
            .filter(|s| s.province.as_deref() == Some(province))
            .filter(|s| {
                sectors.is_empty() || s.sectors.iter().any(|x| sectors.contains(&x.as_str()))
            })
            .filter(|s| s.stage <= Stage::Seed)
            // Within the plans' five years since registration.
            .filter(|s| s.founded_on.is_none_or(|f| f >= ymd(2021, 12, 1)))
            .skip(skip)
            .take(n)
            .map(|s| s.key.clone())
            .collect()
    }

    /// Applications of `startups` to `call`, in `statuses` order.
    fn applications(
        &mut self,
        call: &str,
        startups: &[String],
        statuses: &[ApplicationStatus],
        submitted: &str,
        decided: &str,
    ) {
        for (startup, status) in startups.iter().zip(statuses.iter().cycle()) {
            let sent = *status != ApplicationStatus::Draft;
            let done = matches!(
                status,
                ApplicationStatus::Accepted | ApplicationStatus::Rejected
            );
            self.out.push(Record::Application(ApplicationRecord {
                call: call.into(),
                startup: startup.clone(),
                status: *status,
                answers: strings(&[
                    "Nông hộ và doanh nghiệp nhỏ thiếu công cụ số phù hợp.",
                    "Đã có sản phẩm mẫu và khách hàng thử nghiệm.",
                    "Ba nhà sáng lập: kỹ thuật, kinh doanh và vận hành.",
                ]),
                submitted_at: sent.then(|| at(submitted)),
                decided_at: done.then(|| at(decided)),
            }));
        }
    }

    /// A class and who attended it: `people` trainees from `from`, and one
    /// person from each of `startups`.
    #[allow(clippy::too_many_arguments)]
    fn class(
        &mut self,
        key: &str,
        programme: &str,
        title: &str,
        day: NaiveDate,
        province: &str,
        from: usize,
        people: usize,
        startups: &[String],
    ) {
        self.out.push(Record::Class(ClassRecord {
            key: key.into(),
            programme: programme.into(),
            title: title.into(),
            held_on: day,
            province: Some(province.into()),
            hours: Some(4),
            trainer: Some("Chuyên gia của mạng lưới cố vấn".into()),
        }));
        for (name, gender, group) in TRAINEES.iter().cycle().skip(from).take(people) {
            self.out.push(Record::Attendance(AttendanceRecord {
                class: key.into(),
                person: name.to_string(),
                organization: Some(match group {
                    Some(Audience::Farmers) => "Hợp tác xã nông nghiệp".to_string(),
                    Some(Audience::Students) => "Sinh viên".to_string(),
                    _ => "Hộ kinh doanh".to_string(),
                }),
                gender: Some(*gender),
                group: *group,
                startup: None,
            }));
        }
        for (n, startup) in startups.iter().enumerate() {
            self.out.push(Record::Attendance(AttendanceRecord {
                class: key.into(),
                person: format!("Đại diện {}", n + 1),
                organization: Some(startup.clone()),
                gender: Some(if n % 2 == 0 {
                    Gender::Female
                } else {
                    Gender::Male
                }),
                group: Some(Audience::Enterprises),
                startup: Some(startup.clone()),
            }));
        }
    }

    /// Support given by hand.
    #[allow(clippy::too_many_arguments)]
    fn support(
        &mut self,
        key: &str,
        startup: Option<&String>,
        recipient: Option<&str>,
        programme: Option<&str>,
        organization: &str,
        kind: SupportKind,
        value: Option<i64>,
        day: NaiveDate,
        note: &str,
    ) {
        self.out.push(Record::Support(SupportRecord {
            key: key.into(),
            startup: startup.cloned(),
            recipient: recipient.map(str::to_string),
            programme: programme.map(str::to_string),
            organization: Some(organization.into()),
            kind,
            value_vnd: value,
            budget_source: Some(BudgetSource::State),
            given_on: day,
            note: note.into(),
            origin: SupportOrigin::Manual,
        }));
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn programme(
    key: &str,
    name: &str,
    kind: ProgrammeKind,
    organization: &str,
    province: &str,
    (starts, ends): (NaiveDate, NaiveDate),
    capacity: i32,
    budget: i64,
    source: BudgetSource,
    sectors: &[&str],
    topics: &[Topic],
    audience: &[Audience],
    (vi, en): (&str, &str),
) -> Record {
    Record::Programme(ProgrammeRecord {
        key: key.into(),
        name: name.into(),
        kind,
        organization: Some(organization.into()),
        province: Some(province.into()),
        starts_on: Some(starts),
        ends_on: Some(ends),
        capacity: Some(capacity),
        budget_vnd: Some(budget),
        budget_source: Some(source),
        sectors: strings(sectors),
        topics: topics.to_vec(),
        audience: audience.to_vec(),
        description: vi.into(),
        description_en: en.into(),
        website: None,
    })
}

#[allow(clippy::too_many_arguments)]
pub(super) fn call(
    key: &str,
    programme: &str,
    title: &str,
    (opens, closes): (&str, &str),
    places: i32,
    stages: &[Stage],
    sectors: &[&str],
    provinces: &[&str],
    groups: &[StartupTag],
) -> Record {
    Record::Call(CallRecord {
        key: key.into(),
        programme: programme.into(),
        title: title.into(),
        opens_at: at(opens),
        closes_at: at(closes),
        places: Some(places),
        questions: strings(QUESTIONS),
        criteria: criteria(FORM),
        max_years: Some(crate::model::SUPPORT_WINDOW_YEARS),
        stages: stages.to_vec(),
        sectors: strings(sectors),
        provinces: strings(provinces),
        groups: groups.to_vec(),
    })
}

/// The demo's programme records, after `records` (which hold the demo's
/// organisations and startups).
pub(super) fn demo_programmes(records: &[Record]) -> Vec<Record> {
    let startups: Vec<&StartupRecord> = (records.iter())
        .filter_map(|r| match r {
            Record::Startup(s) => Some(s),
            _ => None,
        })
        .collect();
    let mut d = Demo {
        out: Vec::new(),
        startups: &startups,
    };
    use ProgrammeKind as K;
    let early = [Stage::Idea, Stage::Mvp, Stage::Seed];

    // Cần Thơ: the Mekong Startup Runway, its call closed and decided.
    d.out.push(programme(
        "mekong-startup-runway-2026",
        "Mekong Startup Runway 2026",
        K::Competition,
        "castihub",
        "can-tho",
        (ymd(2026, 6, 1), ymd(2026, 11, 30)),
        30,
        800_000_000,
        BudgetSource::Mixed,
        &["agritech", "foodtech", "tourism", "indigenous-resources"],
        &[Topic::Fundraising, Topic::BusinessModel],
        &[Audience::Youth, Audience::Students],
        (
            "Cuộc thi khởi nghiệp đổi mới sáng tạo vùng Đồng bằng sông Cửu Long, mỗi năm một chủ đề.",
            "The Mekong Delta's innovative startup competition, with a theme each year.",
        ),
    ));
    d.out.push(call(
        "mekong-startup-runway-2026-so-tuyen",
        "mekong-startup-runway-2026",
        "Vòng sơ tuyển 2026",
        ("2026-06-01T08:00:00+07:00", "2026-08-31T17:00:00+07:00"),
        12,
        &early,
        &[],
        &["can-tho", "an-giang", "dong-thap", "vinh-long", "ca-mau"],
        &[],
    ));
    let runway = d.applicants("can-tho", &[], 0, 10);
    d.applications(
        "mekong-startup-runway-2026-so-tuyen",
        &runway,
        CLOSED,
        "2026-08-20T10:00:00+07:00",
        "2026-09-25T16:00:00+07:00",
    );
    // Its yearly basic course.
    d.out.push(programme(
        "dao-tao-khoi-nghiep-co-ban-can-tho-2026",
        "Đào tạo khởi nghiệp cơ bản Cần Thơ 2026",
        K::TrainingCourse,
        "ctu-startup-centre",
        "can-tho",
        (ymd(2026, 3, 1), ymd(2026, 12, 31)),
        200,
        150_000_000,
        BudgetSource::State,
        &[],
        &[
            Topic::CreativeThinking,
            Topic::BusinessModel,
            Topic::Fundraising,
        ],
        &[Audience::Students, Audience::Farmers, Audience::Women],
        (
            "Hai khóa đào tạo khởi nghiệp cơ bản mỗi năm cho sinh viên, nông dân và phụ nữ.",
            "Two basic startup courses a year for students, farmers and women.",
        ),
    ));
    let course = "dao-tao-khoi-nghiep-co-ban-can-tho-2026";
    d.class(
        "can-tho-tu-duy-khoi-nghiep-2026",
        course,
        "Tư duy khởi nghiệp",
        ymd(2026, 4, 15),
        "can-tho",
        0,
        8,
        &first(&runway, 2),
    );
    d.class(
        "can-tho-mo-hinh-kinh-doanh-2026",
        course,
        "Mô hình kinh doanh",
        ymd(2026, 5, 20),
        "can-tho",
        2,
        7,
        &first(&runway[1.min(runway.len())..], 2),
    );
    d.class(
        "can-tho-ky-nang-goi-von-2026",
        course,
        "Kỹ năng gọi vốn",
        ymd(2026, 9, 10),
        "can-tho",
        4,
        6,
        &first(&runway, 1),
    );

    // Hải Phòng: the incubation programme, its second call open.
    d.out.push(programme(
        "uom-tao-khoi-nghiep-hai-phong-2026",
        "Chương trình ươm tạo khởi nghiệp Hải Phòng 2026",
        K::BusinessIncubation,
        "hai-phong-startup-centre",
        "hai-phong",
        (ymd(2026, 3, 1), ymd(2027, 6, 30)),
        15,
        1_200_000_000,
        BudgetSource::State,
        &["logistics", "industry-4", "it"],
        &[Topic::BusinessModel, Topic::Fundraising, Topic::Legal, Topic::Marketing],
        &[],
        (
            "Tuyển chọn, ươm tạo các ý tưởng, dự án khởi nghiệp; hỗ trợ một phần kinh phí không gian làm việc và dịch vụ.",
            "Selects and incubates startup ideas and projects, partly funding working space and services.",
        ),
    ));
    d.out.push(call(
        "uom-tao-hai-phong-2026-dot-2",
        "uom-tao-khoi-nghiep-hai-phong-2026",
        "Tuyển chọn dự án ươm tạo đợt 2/2026",
        ("2026-10-01T08:00:00+07:00", "2027-03-31T17:00:00+07:00"),
        8,
        &early,
        &[],
        &["hai-phong"],
        &[],
    ));
    let incubation = d.applicants("hai-phong", &[], 0, 6);
    d.applications(
        "uom-tao-hai-phong-2026-dot-2",
        &incubation,
        OPEN,
        "2026-11-05T09:00:00+07:00",
        "2026-11-05T09:00:00+07:00",
    );
    // Its Techfest contest, decided.
    d.out.push(programme(
        "cuoc-thi-techfest-hai-phong-2026",
        "Cuộc thi khởi nghiệp Techfest Hải Phòng 2026",
        K::Competition,
        "dost-hai-phong",
        "hai-phong",
        (ymd(2026, 8, 1), ymd(2026, 11, 30)),
        10,
        300_000_000,
        BudgetSource::State,
        &[],
        &[Topic::Fundraising],
        &[Audience::Youth],
        (
            "Cuộc thi khởi nghiệp trong Ngày hội khởi nghiệp đổi mới sáng tạo thành phố Hải Phòng.",
            "The startup contest of Hải Phòng's innovative startup day.",
        ),
    ));
    d.out.push(call(
        "techfest-hai-phong-2026-dang-ky",
        "cuoc-thi-techfest-hai-phong-2026",
        "Đăng ký dự thi Techfest Hải Phòng 2026",
        ("2026-08-01T08:00:00+07:00", "2026-10-15T17:00:00+07:00"),
        10,
        &[],
        &[],
        &["hai-phong", "hung-yen"],
        &[],
    ));
    let contest = d.applicants("hai-phong", &[], 6, 6);
    d.applications(
        "techfest-hai-phong-2026-dang-ky",
        &contest,
        CLOSED,
        "2026-10-01T10:00:00+07:00",
        "2026-11-10T16:00:00+07:00",
    );

    // Hồ Chí Minh City: pitching practice at SIHUB, open.
    d.out.push(programme(
        "trai-nghiem-goi-von-sihub-2026",
        "Trải nghiệm gọi vốn SIHUB 2026",
        K::PitchingPractice,
        "sihub",
        "ho-chi-minh",
        (ymd(2026, 9, 1), ymd(2027, 2, 28)),
        20,
        250_000_000,
        BudgetSource::Mixed,
        &[],
        &[Topic::Fundraising],
        &[],
        (
            "Thực hành gọi vốn trước các nhà đầu tư thật, có góp ý của chuyên gia.",
            "Pitching practice before real investors, with experts' feedback.",
        ),
    ));
    d.out.push(call(
        "trai-nghiem-goi-von-sihub-2026-dot-1",
        "trai-nghiem-goi-von-sihub-2026",
        "Đăng ký trải nghiệm gọi vốn đợt 1",
        ("2026-09-01T08:00:00+07:00", "2027-01-31T17:00:00+07:00"),
        20,
        &[Stage::Mvp, Stage::Seed],
        &[],
        &[],
        &[],
    ));
    let pitching = d.applicants("ho-chi-minh", &[], 0, 6);
    d.applications(
        "trai-nghiem-goi-von-sihub-2026-dot-1",
        &pitching,
        OPEN,
        "2026-10-12T14:00:00+07:00",
        "2026-10-12T14:00:00+07:00",
    );

    // Hưng Yên: trainings for farmers, women and students.
    d.out.push(programme(
        "tap-huan-khoi-nghiep-hung-yen-2026",
        "Tập huấn khởi nghiệp đổi mới sáng tạo Hưng Yên 2026",
        K::TrainingCourse,
        "hung-yen-innovation-centre",
        "hung-yen",
        (ymd(2026, 1, 1), ymd(2026, 12, 31)),
        2_000,
        400_000_000,
        BudgetSource::State,
        &[],
        &[
            Topic::CreativeThinking,
            Topic::DigitalTransformation,
            Topic::Ecommerce,
        ],
        &[Audience::Farmers, Audience::Women, Audience::Students],
        (
            "Các lớp tập huấn theo chủ đề cho nông dân, phụ nữ và học sinh, sinh viên.",
            "Trainings by topic for farmers, women and students.",
        ),
    ));
    let hung_yen = d.applicants("hung-yen", &[], 0, 3);
    let training = "tap-huan-khoi-nghiep-hung-yen-2026";
    d.class(
        "hung-yen-chuyen-doi-so-2026",
        training,
        "Chuyển đổi số cho hộ kinh doanh",
        ymd(2026, 6, 12),
        "hung-yen",
        0,
        10,
        &hung_yen,
    );
    d.class(
        "hung-yen-thuong-mai-dien-tu-2026",
        training,
        "Bán hàng trên sàn thương mại điện tử",
        ymd(2026, 8, 21),
        "hung-yen",
        5,
        9,
        &first(&hung_yen, 1),
    );

    // Support given by hand: IP, a fair booth, space, a grant.
    if let Some(first) = runway.first() {
        d.support(
            "ho-tro-so-huu-tri-tue-runway-1",
            Some(first),
            None,
            Some("mekong-startup-runway-2026"),
            "castihub",
            SupportKind::LegalIp,
            Some(15_000_000),
            ymd(2026, 10, 5),
            "Đăng ký bảo hộ nhãn hiệu",
        );
    }
    if let Some(second) = runway.get(2) {
        d.support(
            "gian-hang-techmart-runway-2",
            Some(second),
            None,
            None,
            "castihub",
            SupportKind::FairBooth,
            Some(8_000_000),
            ymd(2026, 11, 12),
            "Gian hàng tại Techmart Cần Thơ",
        );
    }
    if let Some(first) = incubation.first() {
        d.support(
            "khong-gian-lam-viec-hai-phong-1",
            Some(first),
            None,
            Some("uom-tao-khoi-nghiep-hai-phong-2026"),
            "hai-phong-startup-centre",
            SupportKind::Space,
            Some(24_000_000),
            ymd(2026, 11, 20),
            "Chỗ ngồi 6 tháng tại Trung tâm",
        );
    }
    d.support(
        "htx-rau-sach-phong-dien-grant",
        None,
        Some("HTX Rau sạch Phong Điền"),
        None,
        "dost-can-tho",
        SupportKind::Grant,
        Some(50_000_000),
        ymd(2026, 7, 1),
        "Hỗ trợ kinh phí hoàn thiện sản phẩm",
    );
    // In the file's order of types: what is referred to first.
    let order = |r: &Record| Record::TYPES.iter().position(|t| *t == r.type_name());
    d.out.sort_by_key(order);
    d.out
}
