//! Support programmes, calls for applications and applications: the
//! operator's half of the plans. A programme (an incubation, a course, a
//! competition, ...) opens calls; a startup that meets a call's rules
//! applies; the programme's manager moves the application through its
//! workflow, and the accepted ones make the call's cohort.
//!
//! Which startups a call admits is decided here, rule by rule, with each
//! verdict explained in Vietnamese and in English ([`check_eligibility`]);
//! which moves an application may make is decided here too
//! ([`ApplicationStatus::may_move_to`]).

use chrono::FixedOffset;

use super::*;

vocabulary! {
    /// What a programme does for the startups, projects or people it takes.
    ProgrammeKind {
        /// Incubation of ideas and projects not yet companies (ươm tạo ý tưởng).
        IdeaIncubation = "IDEA_INCUBATION",
        /// Incubation of young companies (ươm tạo doanh nghiệp).
        BusinessIncubation = "BUSINESS_INCUBATION",
        /// Acceleration (tăng tốc khởi nghiệp).
        Acceleration = "ACCELERATION",
        /// A training course (khóa đào tạo, tập huấn).
        TrainingCourse = "TRAINING_COURSE",
        /// A competition or an award (cuộc thi, giải thưởng).
        Competition = "COMPETITION",
        /// Pitching practice (trải nghiệm gọi vốn).
        PitchingPractice = "PITCHING_PRACTICE",
        /// A study tour (hành trình khởi nghiệp).
        StudyTour = "STUDY_TOUR",
        /// Funding support: grants or partial funding of space and services.
        FundingSupport = "FUNDING_SUPPORT",
        /// Anything else.
        Other = "OTHER",
    }
}

vocabulary! {
    /// Where a programme's budget comes from.
    BudgetSource {
        /// The state budget (ngân sách nhà nước).
        State = "STATE",
        /// Socialised: private and other non-state sources (xã hội hóa).
        Socialized = "SOCIALIZED",
        /// Both.
        Mixed = "MIXED",
    }
}

vocabulary! {
    /// A group of people a programme is meant for.
    Audience {
        /// Pupils and students (học sinh, sinh viên).
        Students = "STUDENTS",
        /// Women (phụ nữ).
        Women = "WOMEN",
        /// Young people (thanh niên).
        Youth = "YOUTH",
        /// Farmers and cooperatives (nông dân, hợp tác xã).
        Farmers = "FARMERS",
        /// Enterprises (doanh nghiệp).
        Enterprises = "ENTERPRISES",
        /// Researchers and lecturers (nhà khoa học, giảng viên).
        Researchers = "RESEARCHERS",
        /// Officials of the support system (cán bộ hỗ trợ khởi nghiệp).
        Officials = "OFFICIALS",
    }
}

vocabulary! {
    /// Where an application stands. DRAFT → SUBMITTED → SCREENING →
    /// SHORTLISTED → ACCEPTED, with REJECTED possible from any reviewed
    /// state and WITHDRAWN by the applicant until a decision.
    ApplicationStatus {
        /// Being written by the applicant; the programme does not see it yet.
        Draft = "DRAFT",
        /// Sent: the programme's manager sees it.
        Submitted = "SUBMITTED",
        /// Being screened by the programme.
        Screening = "SCREENING",
        /// On the shortlist.
        Shortlisted = "SHORTLISTED",
        /// Accepted into the call's cohort (final).
        Accepted = "ACCEPTED",
        /// Not accepted (final).
        Rejected = "REJECTED",
        /// Taken back by the applicant (final).
        Withdrawn = "WITHDRAWN",
    }
}

/// Who may make a move of an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mover {
    /// The applying startup's owner (submits and withdraws).
    Applicant,
    /// The programme's manager (screens, shortlists, decides).
    Manager,
}

impl ApplicationStatus {
    /// The statuses an application may move to from this one.
    pub fn next(self) -> &'static [ApplicationStatus] {
        use ApplicationStatus::*;
        match self {
            Draft => &[Submitted, Withdrawn],
            Submitted => &[Screening, Shortlisted, Rejected, Withdrawn],
            Screening => &[Shortlisted, Rejected, Withdrawn],
            Shortlisted => &[Accepted, Rejected, Withdrawn],
            Accepted | Rejected | Withdrawn => &[],
        }
    }

    /// Whether `to` may follow this status.
    pub fn may_move_to(self, to: ApplicationStatus) -> bool {
        self.next().contains(&to)
    }

    /// Whether nothing may follow it.
    pub fn is_final(self) -> bool {
        self.next().is_empty()
    }

    /// Who makes the move to this status.
    pub fn mover(self) -> Mover {
        match self {
            ApplicationStatus::Draft
            | ApplicationStatus::Submitted
            | ApplicationStatus::Withdrawn => Mover::Applicant,
            _ => Mover::Manager,
        }
    }
}

/// The most questions a call asks, and the longest question.
pub const MAX_QUESTIONS: usize = 30;
/// The longest answer, in characters.
pub const MAX_ANSWER_CHARS: usize = 5_000;
/// The longest reason given for a move, in characters.
pub const MAX_REASON_CHARS: usize = 2_000;

/// A programme as written: references by slug.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammeDraft {
    pub slug: String,
    pub name: String,
    pub kind: ProgrammeKind,
    pub organization: Option<String>,
    pub province: Option<String>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub capacity: Option<i32>,
    pub budget_vnd: Option<i64>,
    pub budget_source: Option<BudgetSource>,
    pub sectors: Vec<String>,
    pub topics: Vec<Topic>,
    pub audience: Vec<Audience>,
    pub description: String,
    pub description_en: String,
    pub website: Option<String>,
}

impl ProgrammeDraft {
    /// The problems with this draft, if any.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.slug(Field::Slug, &self.slug);
        c.required_text(Field::Name, &self.name, MAX_NAME_LEN);
        c.max_len(Field::Description, &self.description, MAX_LONG_TEXT_LEN);
        c.max_len(
            Field::DescriptionEn,
            &self.description_en,
            MAX_LONG_TEXT_LEN,
        );
        c.url(Field::Website, self.website.as_deref());
        for (field, date) in [
            (Field::StartsOn, self.starts_on),
            (Field::EndsOn, self.ends_on),
        ] {
            if let Some(date) = date {
                c.year_in_range(field, date.year());
            }
        }
        if let (Some(starts), Some(ends)) = (self.starts_on, self.ends_on)
            && ends < starts
        {
            c.errors.push(FieldError::compared(
                Field::EndsOn,
                FieldErrorCode::OutOfRange,
                "must not be before",
                Field::StartsOn,
            ));
        }
        if self.capacity.is_some_and(|n| n < 1) {
            c.push(
                Field::Capacity,
                FieldErrorCode::OutOfRange,
                "must be at least 1",
            );
        }
        if self.budget_vnd.is_some_and(|n| n < 0) {
            c.push(
                Field::BudgetVnd,
                FieldErrorCode::OutOfRange,
                "must not be negative",
            );
        }
        drafts::links(&mut c, Field::Sectors, self.sectors.len());
        c.finish()
    }
}

/// A call for applications as written: references by slug.
#[derive(Debug, Clone, PartialEq)]
pub struct CallDraft {
    pub slug: String,
    pub programme: String,
    pub title: String,
    pub opens_at: DateTime<FixedOffset>,
    pub closes_at: DateTime<FixedOffset>,
    pub places: Option<i32>,
    pub questions: Vec<String>,
    pub criteria: Vec<Criterion>,
    pub rules: RulesDraft,
}

/// What reviewers score an application on, from 0 to `max_points`
/// (evaluation forms commonly give each criterion its points out of 100).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub name: String,
    pub max_points: i32,
}

/// The most criteria a call scores on.
pub const MAX_CRITERIA: usize = 20;

/// Who may answer a call, as written. Empty lists place no condition.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RulesDraft {
    /// At most this many years since the first business registration.
    pub max_years: Option<i32>,
    pub stages: Vec<Stage>,
    pub sectors: Vec<String>,
    pub provinces: Vec<String>,
    /// Any one of these groups.
    pub tags: Vec<StartupTag>,
}

impl CallDraft {
    /// The problems with this draft, if any.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.slug(Field::Slug, &self.slug);
        c.required_text(Field::Title, &self.title, MAX_NAME_LEN);
        c.year_in_range(Field::OpensAt, self.opens_at.year());
        c.year_in_range(Field::ClosesAt, self.closes_at.year());
        if self.closes_at <= self.opens_at {
            c.errors.push(FieldError::compared(
                Field::ClosesAt,
                FieldErrorCode::OutOfRange,
                "must be after",
                Field::OpensAt,
            ));
        }
        if self.places.is_some_and(|n| n < 1) {
            c.push(
                Field::Places,
                FieldErrorCode::OutOfRange,
                "must be at least 1",
            );
        }
        if self.questions.len() > MAX_QUESTIONS {
            c.push(
                Field::Questions,
                FieldErrorCode::OutOfRange,
                format!("at most {MAX_QUESTIONS} questions"),
            );
        }
        for q in &self.questions {
            c.required_text(Field::Questions, q, MAX_SHORT_TEXT_LEN);
        }
        if self.criteria.len() > MAX_CRITERIA {
            c.push(
                Field::Criteria,
                FieldErrorCode::OutOfRange,
                format!("at most {MAX_CRITERIA} criteria"),
            );
        }
        for k in &self.criteria {
            c.required_text(Field::Criteria, &k.name, MAX_NAME_LEN);
            if !(1..=1000).contains(&k.max_points) {
                c.push(
                    Field::Criteria,
                    FieldErrorCode::OutOfRange,
                    format!("`{}`: its points must be between 1 and 1000", k.name),
                );
            }
        }
        if self
            .rules
            .max_years
            .is_some_and(|n| !(1..=100).contains(&n))
        {
            c.push(
                Field::MaxYears,
                FieldErrorCode::OutOfRange,
                "must be between 1 and 100",
            );
        }
        drafts::links(&mut c, Field::Sectors, self.rules.sectors.len());
        drafts::links(&mut c, Field::Provinces, self.rules.provinces.len());
        c.finish()
    }
}

/// A support programme.
#[derive(Debug, Clone, PartialEq)]
pub struct Programme {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub kind: ProgrammeKind,
    /// The organisation that runs it; none: the operator.
    pub organization_id: Option<i64>,
    pub province_id: Option<i64>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub capacity: Option<i32>,
    pub budget_vnd: Option<i64>,
    pub budget_source: Option<BudgetSource>,
    pub sector_ids: Vec<i64>,
    pub topics: Vec<Topic>,
    pub audience: Vec<Audience>,
    pub description: String,
    pub description_en: String,
    pub website: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Who may answer a call. Empty lists place no condition.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rules {
    pub max_years: Option<i32>,
    pub stages: Vec<Stage>,
    pub sector_ids: Vec<i64>,
    pub province_ids: Vec<i64>,
    pub tags: Vec<StartupTag>,
}

/// A call for applications.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub id: i64,
    pub slug: String,
    pub programme_id: i64,
    pub title: String,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub places: Option<i32>,
    pub questions: Vec<String>,
    pub criteria: Vec<Criterion>,
    pub rules: Rules,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Call {
    /// Whether applications may be sent at `now`: opened, not yet closed.
    pub fn is_open_at(&self, now: DateTime<Utc>) -> bool {
        self.opens_at <= now && now < self.closes_at
    }
}

/// A startup's application to a call.
#[derive(Debug, Clone, PartialEq)]
pub struct Application {
    pub id: i64,
    pub call_id: i64,
    pub startup_id: i64,
    pub status: ApplicationStatus,
    /// In the call's question order.
    pub answers: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    /// When it was accepted or rejected.
    pub decided_at: Option<DateTime<Utc>>,
}

/// An application as written in a data file: its call and startup by key.
/// Imported applications carry no trail of moves.
#[derive(Debug, Clone, PartialEq)]
pub struct ApplicationDraft {
    pub call: String,
    pub startup: String,
    pub status: ApplicationStatus,
    pub answers: Vec<String>,
    pub submitted_at: Option<DateTime<FixedOffset>>,
    pub decided_at: Option<DateTime<FixedOffset>>,
}

impl ApplicationDraft {
    /// The problems with this draft, if any.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        if self.answers.len() > MAX_QUESTIONS {
            c.push(
                Field::Answers,
                FieldErrorCode::OutOfRange,
                format!("at most {MAX_QUESTIONS} answers"),
            );
        }
        for a in &self.answers {
            c.max_len(Field::Answers, a, MAX_ANSWER_CHARS);
        }
        for (field, t) in [
            (Field::SubmittedAt, self.submitted_at),
            (Field::DecidedAt, self.decided_at),
        ] {
            if let Some(t) = t {
                c.year_in_range(field, t.year());
            }
        }
        c.finish()
    }
}

/// A reviewer given an application, and their scores once given.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub application_id: i64,
    pub reviewer_id: i64,
    pub assigned_at: DateTime<Utc>,
    /// One per criterion of the call, in order; none until scored.
    pub scores: Option<Vec<i32>>,
    pub comment: Option<String>,
    pub scored_at: Option<DateTime<Utc>>,
}

impl Review {
    /// The points given in all, once scored.
    pub fn total(&self) -> Option<i32> {
        self.scores.as_ref().map(|s| s.iter().sum())
    }
}

/// One move of an application, as its trail keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct ApplicationLogEntry {
    pub id: i64,
    pub application_id: i64,
    /// None for the draft's creation.
    pub from: Option<ApplicationStatus>,
    pub to: ApplicationStatus,
    pub actor_id: Option<i64>,
    pub reason: Option<String>,
    pub at: DateTime<Utc>,
}

vocabulary! {
    /// What a unit of support was.
    SupportKind {
        /// Training: a course or a class attended (đào tạo, tập huấn).
        Training = "TRAINING",
        /// Mentoring or coaching (tư vấn, huấn luyện).
        Mentoring = "MENTORING",
        /// Incubation in a cohort (ươm tạo).
        Incubation = "INCUBATION",
        /// Acceleration in a cohort (tăng tốc).
        Acceleration = "ACCELERATION",
        /// Working or lab space (không gian, trang thiết bị).
        Space = "SPACE",
        /// Legal procedures and intellectual property (pháp lý, sở hữu trí tuệ).
        LegalIp = "LEGAL_IP",
        /// Market access and trade promotion (kết nối thị trường, xúc tiến thương mại).
        MarketAccess = "MARKET_ACCESS",
        /// A grant or partial funding (hỗ trợ kinh phí).
        Grant = "GRANT",
        /// A booth at a fair or exhibition (gian hàng tại hội chợ, triển lãm).
        FairBooth = "FAIR_BOOTH",
        /// A place in a competition or an award (cuộc thi, giải thưởng).
        Competition = "COMPETITION",
        /// Pitching practice and investor meetings (trải nghiệm gọi vốn).
        Pitching = "PITCHING",
        /// A study tour (hành trình khởi nghiệp).
        StudyTour = "STUDY_TOUR",
        /// Technology and its transfer (công nghệ, chuyển giao công nghệ).
        Technology = "TECHNOLOGY",
        /// Media and communication (truyền thông).
        Media = "MEDIA",
        /// Anything else.
        Other = "OTHER",
    }
}

vocabulary! {
    /// What wrote a support record.
    SupportOrigin {
        /// Entered by hand or in a data file.
        Manual = "MANUAL",
        /// Written when an application was accepted into a cohort.
        Acceptance = "ACCEPTANCE",
        /// Written when mentors were confirmed for a cohort.
        Mentorship = "MENTORSHIP",
        /// Written when a startup's people attended a training class.
        Attendance = "ATTENDANCE",
    }
}

impl SupportOrigin {
    /// Whether the records of this origin are written again from the
    /// records they follow from (accepted applications, attendance) on
    /// every import, so data files need not carry them.
    pub fn is_derived(self) -> bool {
        matches!(self, SupportOrigin::Acceptance | SupportOrigin::Attendance)
    }
}

impl ProgrammeKind {
    /// The support a place in this kind of programme is.
    pub fn support(self) -> SupportKind {
        match self {
            ProgrammeKind::IdeaIncubation | ProgrammeKind::BusinessIncubation => {
                SupportKind::Incubation
            }
            ProgrammeKind::Acceleration => SupportKind::Acceleration,
            ProgrammeKind::TrainingCourse => SupportKind::Training,
            ProgrammeKind::Competition => SupportKind::Competition,
            ProgrammeKind::PitchingPractice => SupportKind::Pitching,
            ProgrammeKind::StudyTour => SupportKind::StudyTour,
            ProgrammeKind::FundingSupport => SupportKind::Grant,
            ProgrammeKind::Other => SupportKind::Other,
        }
    }
}

/// A unit of support as written: references by key. Its recipient is a
/// startup (`startup`), or a project or enterprise without a profile
/// (`recipient`, its name).
#[derive(Debug, Clone, PartialEq)]
pub struct SupportDraft {
    pub slug: String,
    pub startup: Option<String>,
    pub recipient: Option<String>,
    pub programme: Option<String>,
    pub organization: Option<String>,
    pub kind: SupportKind,
    pub value_vnd: Option<i64>,
    pub budget_source: Option<BudgetSource>,
    pub given_on: NaiveDate,
    pub note: String,
    pub origin: SupportOrigin,
}

impl SupportDraft {
    /// The problems with this draft, if any.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.slug(Field::Slug, &self.slug);
        match &self.recipient {
            Some(name) => c.required_text(Field::Recipient, name, MAX_NAME_LEN),
            None if self.startup.is_none() => c.push(
                Field::Recipient,
                FieldErrorCode::Required,
                "name a startup, or the project or enterprise supported",
            ),
            None => {}
        }
        if self.value_vnd.is_some_and(|n| n < 0) {
            c.push(
                Field::ValueVnd,
                FieldErrorCode::OutOfRange,
                "must not be negative",
            );
        }
        c.year_in_range(Field::GivenOn, self.given_on.year());
        c.max_len(Field::Note, &self.note, MAX_LONG_TEXT_LEN);
        c.finish()
    }
}

/// A unit of support given.
#[derive(Debug, Clone, PartialEq)]
pub struct SupportRecord {
    pub id: i64,
    pub slug: String,
    pub startup_id: Option<i64>,
    pub recipient: Option<String>,
    pub programme_id: Option<i64>,
    pub organization_id: Option<i64>,
    pub kind: SupportKind,
    pub value_vnd: Option<i64>,
    pub budget_source: Option<BudgetSource>,
    pub given_on: NaiveDate,
    pub note: String,
    pub origin: SupportOrigin,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

vocabulary! {
    /// A trainee's gender, as attendance lists record it.
    Gender {
        /// Female (nữ).
        Female = "FEMALE",
        /// Male (nam).
        Male = "MALE",
        /// Another gender, or not said.
        Other = "OTHER",
    }
}

/// A name folded for counting: lowercase, without diacritics, single
/// spaces, so "Nguyễn Thị  Lan" and "nguyen thi lan" are one person.
pub fn name_key(name: &str) -> String {
    sort_key(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A training class as written: its programme by key.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassDraft {
    pub slug: String,
    pub programme: String,
    pub title: String,
    pub held_on: NaiveDate,
    pub province: Option<String>,
    pub hours: Option<i32>,
    pub trainer: Option<String>,
}

impl ClassDraft {
    /// The problems with this draft, if any.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.slug(Field::Slug, &self.slug);
        c.required_text(Field::Title, &self.title, MAX_NAME_LEN);
        c.year_in_range(Field::HeldOn, self.held_on.year());
        if self.hours.is_some_and(|h| !(1..=1000).contains(&h)) {
            c.push(
                Field::Hours,
                FieldErrorCode::OutOfRange,
                "must be between 1 and 1000",
            );
        }
        c.optional_text(Field::Trainer, self.trainer.as_deref(), MAX_NAME_LEN);
        c.finish()
    }
}

/// One person's attendance of a class, as written: the class by key, the
/// person by name (no account needed), their startup by key if any.
#[derive(Debug, Clone, PartialEq)]
pub struct AttendanceDraft {
    pub class: String,
    pub person: String,
    pub organization: Option<String>,
    pub gender: Option<Gender>,
    pub audience: Option<Audience>,
    pub startup: Option<String>,
}

impl AttendanceDraft {
    /// The problems with this draft, if any.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.required_text(Field::Person, &self.person, MAX_NAME_LEN);
        c.optional_text(
            Field::Organization,
            self.organization.as_deref(),
            MAX_NAME_LEN,
        );
        c.finish()
    }
}

/// A training class of a programme.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingClass {
    pub id: i64,
    pub slug: String,
    pub programme_id: i64,
    pub title: String,
    pub held_on: NaiveDate,
    pub province_id: Option<i64>,
    pub hours: Option<i32>,
    pub trainer: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One person's attendance of a class.
#[derive(Debug, Clone, PartialEq)]
pub struct Attendance {
    pub id: i64,
    pub class_id: i64,
    pub person: String,
    pub organization: Option<String>,
    pub gender: Option<Gender>,
    pub audience: Option<Audience>,
    pub startup_id: Option<i64>,
}

/// What a set of classes reached, as plans count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TrainingTotals {
    /// Classes held.
    pub classes: i64,
    /// Attendances: a person at two classes counts twice (lượt người).
    pub trainee_times: i64,
    /// Distinct people, by folded name and organisation.
    pub people: i64,
    /// Distinct enterprises: startups named, else organisations by folded name.
    pub enterprises: i64,
    /// Attendances by women.
    pub women_times: i64,
}

vocabulary! {
    /// A rule of a call that a startup must meet to apply.
    EligibilityRule {
        /// The call takes applications now.
        Open = "OPEN",
        /// At most so many years since the first business registration.
        Age = "AGE",
        /// At one of the stages the call asks for.
        Stage = "STAGE",
        /// In one of the call's sectors.
        Sector = "SECTOR",
        /// Based in one of the call's provinces.
        Province = "PROVINCE",
        /// In one of the groups the call is for (women-led, students, ...).
        Group = "GROUP",
    }
}

/// One rule's verdict on a startup, explained in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleVerdict {
    pub rule: EligibilityRule,
    pub passed: bool,
    pub vi: String,
    pub en: String,
}

/// A sector's or a province's names, for explanations.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    pub id: i64,
    pub vi: String,
    pub en: String,
}

fn names(list: &[Named], ids: &[i64], en: bool) -> String {
    let found: Vec<&str> = ids
        .iter()
        .filter_map(|id| list.iter().find(|n| n.id == *id))
        .map(|n| if en { n.en.as_str() } else { n.vi.as_str() })
        .collect();
    found.join(", ")
}

fn vietnam_time(t: DateTime<Utc>) -> String {
    t.with_timezone(&vietnam_offset())
        .format("%H:%M %d/%m/%Y")
        .to_string()
}

/// A stage's names in Vietnamese and English.
pub fn stage_names(stage: Stage) -> (&'static str, &'static str) {
    match stage {
        Stage::Idea => ("ý tưởng", "idea"),
        Stage::Mvp => ("sản phẩm mẫu (MVP)", "MVP"),
        Stage::Seed => ("hạt giống", "seed"),
        Stage::SeriesA => ("series A", "series A"),
        Stage::Growth => ("tăng trưởng", "growth"),
    }
}

/// A group's names in Vietnamese and English.
pub fn tag_names(tag: StartupTag) -> (&'static str, &'static str) {
    match tag {
        StartupTag::Student => ("học sinh, sinh viên khởi nghiệp", "student-founded"),
        StartupTag::WomenLed => ("do phụ nữ làm chủ", "women-led"),
        StartupTag::Youth => ("thanh niên khởi nghiệp", "youth-founded"),
        StartupTag::SocialImpact => ("khởi nghiệp xã hội", "social impact"),
        StartupTag::StEnterprise => (
            "doanh nghiệp khoa học và công nghệ",
            "science and technology enterprise",
        ),
    }
}

fn list_of<T: Copy>(
    values: &[T],
    name: impl Fn(T) -> (&'static str, &'static str),
) -> (String, String) {
    let vi: Vec<&str> = values.iter().map(|v| name(*v).0).collect();
    let en: Vec<&str> = values.iter().map(|v| name(*v).1).collect();
    (vi.join(", "), en.join(", "))
}

/// Each of the call's rules judged for the startup at `now`: whether the
/// call is open, and every condition it sets (those it does not set are
/// left out). `sectors` and `provinces` name the ids involved.
pub fn check_eligibility(
    call: &Call,
    startup: &Startup,
    sectors: &[Named],
    provinces: &[Named],
    now: DateTime<Utc>,
) -> Vec<RuleVerdict> {
    let mut out = Vec::new();
    let mut verdict = |rule, passed, vi: String, en: String| {
        out.push(RuleVerdict {
            rule,
            passed,
            vi,
            en,
        })
    };
    let (opens, closes) = (vietnam_time(call.opens_at), vietnam_time(call.closes_at));
    if now < call.opens_at {
        verdict(
            EligibilityRule::Open,
            false,
            format!("Đợt tuyển chọn chưa mở: mở lúc {opens}"),
            format!("The call is not open yet: it opens at {opens} (Vietnam time)"),
        );
    } else if now >= call.closes_at {
        verdict(
            EligibilityRule::Open,
            false,
            format!("Đợt tuyển chọn đã đóng lúc {closes}"),
            format!("The call closed at {closes} (Vietnam time)"),
        );
    } else {
        verdict(
            EligibilityRule::Open,
            true,
            format!("Đợt tuyển chọn đang mở, hạn nộp {closes}"),
            format!("The call is open until {closes} (Vietnam time)"),
        );
    }
    let rules = &call.rules;
    if let Some(years) = rules.max_years {
        let today = now.with_timezone(&vietnam_offset()).date_naive();
        let earliest = years_before(today, years);
        match startup.founded_on {
            None => verdict(
                EligibilityRule::Age,
                true,
                format!("Chưa đăng ký kinh doanh: trong giới hạn {years} năm"),
                format!("Not registered as a business yet: within the {years}-year limit"),
            ),
            Some(founded) if founded >= earliest => verdict(
                EligibilityRule::Age,
                true,
                format!(
                    "Thành lập ngày {}: không quá {years} năm",
                    founded.format("%d/%m/%Y")
                ),
                format!(
                    "Founded on {}: no more than {years} years ago",
                    founded.format("%Y-%m-%d")
                ),
            ),
            Some(founded) => verdict(
                EligibilityRule::Age,
                false,
                format!(
                    "Thành lập ngày {}: đã quá {years} năm kể từ lần đăng ký kinh doanh đầu tiên",
                    founded.format("%d/%m/%Y")
                ),
                format!(
                    "Founded on {}: more than {years} years since its first business registration",
                    founded.format("%Y-%m-%d")
                ),
            ),
        }
    }
    if !rules.stages.is_empty() {
        let (vi, en) = list_of(&rules.stages, stage_names);
        let (own_vi, own_en) = stage_names(startup.stage);
        let passed = rules.stages.contains(&startup.stage);
        verdict(
            EligibilityRule::Stage,
            passed,
            if passed {
                format!("Giai đoạn {own_vi} thuộc các giai đoạn được nhận ({vi})")
            } else {
                format!("Giai đoạn {own_vi} không thuộc các giai đoạn được nhận ({vi})")
            },
            if passed {
                format!("Its stage ({own_en}) is one the call takes ({en})")
            } else {
                format!("Its stage ({own_en}) is not one the call takes ({en})")
            },
        );
    }
    if !rules.sector_ids.is_empty() {
        let shared: Vec<i64> = (startup.sector_ids.iter())
            .filter(|s| rules.sector_ids.contains(s))
            .copied()
            .collect();
        let (vi, en) = (
            names(sectors, &rules.sector_ids, false),
            names(sectors, &rules.sector_ids, true),
        );
        if shared.is_empty() {
            verdict(
                EligibilityRule::Sector,
                false,
                format!("Không hoạt động trong lĩnh vực nào của đợt tuyển chọn ({vi})"),
                format!("Works in none of the call's sectors ({en})"),
            );
        } else {
            verdict(
                EligibilityRule::Sector,
                true,
                format!(
                    "Hoạt động trong lĩnh vực {}",
                    names(sectors, &shared, false)
                ),
                format!("Works in {}", names(sectors, &shared, true)),
            );
        }
    }
    if !rules.province_ids.is_empty() {
        let (vi, en) = (
            names(provinces, &rules.province_ids, false),
            names(provinces, &rules.province_ids, true),
        );
        match startup.province_id {
            Some(p) if rules.province_ids.contains(&p) => verdict(
                EligibilityRule::Province,
                true,
                format!("Đặt tại {}", names(provinces, &[p], false)),
                format!("Based in {}", names(provinces, &[p], true)),
            ),
            Some(p) => verdict(
                EligibilityRule::Province,
                false,
                format!(
                    "Đặt tại {}, không thuộc địa bàn của đợt tuyển chọn ({vi})",
                    names(provinces, &[p], false)
                ),
                format!(
                    "Based in {}, outside the call's provinces ({en})",
                    names(provinces, &[p], true)
                ),
            ),
            None => verdict(
                EligibilityRule::Province,
                false,
                format!("Chưa khai báo tỉnh, thành phố; đợt tuyển chọn chỉ nhận {vi}"),
                format!("Names no province; the call takes only {en}"),
            ),
        }
    }
    if !rules.tags.is_empty() {
        let (vi, en) = list_of(&rules.tags, tag_names);
        let shared: Vec<StartupTag> = (startup.tags.iter())
            .filter(|t| rules.tags.contains(t))
            .copied()
            .collect();
        if shared.is_empty() {
            verdict(
                EligibilityRule::Group,
                false,
                format!("Không thuộc nhóm đối tượng của đợt tuyển chọn ({vi})"),
                format!("Not in any group the call is for ({en})"),
            );
        } else {
            let (own_vi, own_en) = list_of(&shared, tag_names);
            verdict(
                EligibilityRule::Group,
                true,
                format!("Thuộc nhóm đối tượng: {own_vi}"),
                format!("In a group the call is for: {own_en}"),
            );
        }
    }
    out
}

vocabulary! {
    /// What makes a call fit a startup.
    CallFactor {
        /// The programme's and the call's sectors and the startup's.
        Sector = "SECTOR",
        /// The programme's topics and what the startup needs.
        Needs = "NEEDS",
        /// The groups the programme is for and the startup's.
        Group = "GROUP",
        /// Where the programme runs and where the startup is.
        Place = "PLACE",
    }
}

/// One factor of a call's fit for a startup.
#[derive(Debug, Clone, PartialEq)]
pub struct CallReason {
    pub factor: CallFactor,
    /// 0..1.
    pub score: f32,
    pub weight: f32,
    pub vi: String,
    pub en: String,
}

/// The groups a programme's audience names that a startup's tags are.
fn audience_of(tag: StartupTag) -> Option<Audience> {
    match tag {
        StartupTag::Student => Some(Audience::Students),
        StartupTag::WomenLed => Some(Audience::Women),
        StartupTag::Youth => Some(Audience::Youth),
        StartupTag::SocialImpact | StartupTag::StEnterprise => None,
    }
}

/// How well a call of `programme` fits a startup it admits, as a weighted
/// mean of four factors with their reasons. A factor the programme says
/// nothing about (no sectors, topics, groups or place) scores a neutral
/// half: it neither recommends nor holds back. Sectors weigh most, since
/// a programme's sectors are what it knows; needs next (what the
/// programme teaches against what the startup asks for); then groups and
/// place. `sectors` names the sector ids involved.
pub fn call_fit(
    call: &Call,
    programme: &Programme,
    startup: &Startup,
    sectors: &[Named],
) -> (f32, Vec<CallReason>) {
    const NEUTRAL: f32 = 0.5;
    let mut reasons = Vec::new();
    // Sectors.
    let mut theirs: Vec<i64> = programme.sector_ids.clone();
    theirs.extend(&call.rules.sector_ids);
    theirs.sort_unstable();
    theirs.dedup();
    let shared: Vec<i64> = (startup.sector_ids.iter())
        .filter(|s| theirs.contains(s))
        .copied()
        .collect();
    let (score, vi, en) = if theirs.is_empty() {
        (
            NEUTRAL,
            "Chương trình không giới hạn lĩnh vực".to_string(),
            "The programme is open to every sector".to_string(),
        )
    } else if shared.is_empty() {
        (
            0.0,
            "Không cùng lĩnh vực với chương trình".to_string(),
            "None of the programme's sectors".to_string(),
        )
    } else {
        (
            1.0,
            format!("Cùng lĩnh vực: {}", names(sectors, &shared, false)),
            format!("Shares its sectors: {}", names(sectors, &shared, true)),
        )
    };
    reasons.push(CallReason {
        factor: CallFactor::Sector,
        score,
        weight: 4.0,
        vi,
        en,
    });
    // Needs.
    let needed: Vec<Topic> = (startup.needs.iter())
        .filter(|t| programme.topics.contains(t))
        .copied()
        .collect();
    let (score, vi, en) = if programme.topics.is_empty() || startup.needs.is_empty() {
        (
            NEUTRAL,
            "Chưa rõ nhu cầu hỗ trợ có khớp nội dung chương trình".to_string(),
            "Its needs and the programme's topics say nothing of each other".to_string(),
        )
    } else if needed.is_empty() {
        (
            0.0,
            "Chương trình không hỗ trợ những gì startup cần".to_string(),
            "The programme covers none of what it needs".to_string(),
        )
    } else {
        let list: Vec<&str> = needed.iter().map(|t| t.as_str()).collect();
        (
            needed.len() as f32 / startup.needs.len() as f32,
            format!("Chương trình hỗ trợ điều startup cần: {}", list.join(", ")),
            format!("The programme covers what it needs: {}", list.join(", ")),
        )
    };
    reasons.push(CallReason {
        factor: CallFactor::Needs,
        score,
        weight: 3.0,
        vi,
        en,
    });
    // Groups.
    let groups: Vec<StartupTag> = (startup.tags.iter())
        .filter(|t| audience_of(**t).is_some_and(|a| programme.audience.contains(&a)))
        .copied()
        .collect();
    let (score, vi, en) = if programme.audience.is_empty() {
        (
            NEUTRAL,
            "Chương trình dành cho mọi đối tượng".to_string(),
            "The programme is for everyone".to_string(),
        )
    } else if groups.is_empty() {
        (
            0.25,
            "Không thuộc nhóm đối tượng ưu tiên của chương trình".to_string(),
            "Not in a group the programme is for".to_string(),
        )
    } else {
        let (vi, en) = list_of(&groups, tag_names);
        (
            1.0,
            format!("Thuộc nhóm chương trình hướng tới: {vi}"),
            format!("In a group the programme is for: {en}"),
        )
    };
    reasons.push(CallReason {
        factor: CallFactor::Group,
        score,
        weight: 2.0,
        vi,
        en,
    });
    // Place.
    let (score, vi, en) = match (programme.province_id, startup.province_id) {
        (None, _) => (
            NEUTRAL,
            "Chương trình không gắn với địa phương nào".to_string(),
            "The programme is not tied to a place".to_string(),
        ),
        (Some(p), Some(s)) if p == s => (
            1.0,
            "Chương trình diễn ra ngay tại tỉnh, thành phố của startup".to_string(),
            "The programme runs where it is based".to_string(),
        ),
        _ => (
            0.25,
            "Chương trình diễn ra ở tỉnh, thành phố khác".to_string(),
            "The programme runs elsewhere".to_string(),
        ),
    };
    reasons.push(CallReason {
        factor: CallFactor::Place,
        score,
        weight: 1.0,
        vi,
        en,
    });
    let total: f32 = reasons.iter().map(|r| r.weight).sum();
    let score = reasons.iter().map(|r| r.score * r.weight).sum::<f32>() / total;
    (score, reasons)
}

/// The day `years` years before `day` (28 February for a 29th).
fn years_before(day: NaiveDate, years: i32) -> NaiveDate {
    let year = day.year() - years;
    day.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, day.month(), 28))
        .unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn startup() -> Startup {
        Startup {
            id: 1,
            slug: "a".into(),
            name: "A".into(),
            tagline: String::new(),
            description: String::new(),
            stage: Stage::Mvp,
            province_id: Some(10),
            organization_id: None,
            founded_on: Some(NaiveDate::from_ymd_opt(2022, 3, 1).unwrap()),
            team_size: None,
            tags: vec![StartupTag::WomenLed],
            needs: vec![],
            seeking: None,
            website: None,
            contact: Contact::default(),
            sector_ids: vec![1, 2],
            owner_id: None,
            created_at: at("2026-01-01T00:00:00Z"),
            updated_at: at("2026-01-01T00:00:00Z"),
        }
    }

    fn call(rules: Rules) -> Call {
        Call {
            id: 1,
            slug: "c".into(),
            programme_id: 1,
            title: "C".into(),
            opens_at: at("2026-11-01T00:00:00+07:00"),
            closes_at: at("2026-12-31T17:00:00+07:00"),
            places: None,
            questions: vec![],
            criteria: vec![],
            rules,
            created_at: at("2026-01-01T00:00:00Z"),
            updated_at: at("2026-01-01T00:00:00Z"),
        }
    }

    fn named(id: i64, vi: &str, en: &str) -> Named {
        Named {
            id,
            vi: vi.into(),
            en: en.into(),
        }
    }

    #[test]
    fn each_rule_is_judged_and_explained_in_both_languages() {
        let sectors = [
            named(1, "Nông nghiệp", "Agriculture"),
            named(3, "Du lịch", "Tourism"),
        ];
        let provinces = [
            named(10, "Cần Thơ", "Can Tho"),
            named(11, "Hải Phòng", "Hai Phong"),
        ];
        let now = at("2026-12-01T12:00:00+07:00");
        // (rules, rule judged, passed, words in Vietnamese, words in English)
        let table: Vec<(Rules, EligibilityRule, bool, &str, &str)> = vec![
            (
                Rules {
                    max_years: Some(5),
                    ..Rules::default()
                },
                EligibilityRule::Age,
                true,
                "không quá 5 năm",
                "no more than 5 years",
            ),
            (
                Rules {
                    max_years: Some(3),
                    ..Rules::default()
                },
                EligibilityRule::Age,
                false,
                "đã quá 3 năm",
                "more than 3 years",
            ),
            (
                Rules {
                    stages: vec![Stage::Idea, Stage::Mvp],
                    ..Rules::default()
                },
                EligibilityRule::Stage,
                true,
                "thuộc các giai đoạn",
                "is one the call takes",
            ),
            (
                Rules {
                    stages: vec![Stage::Seed],
                    ..Rules::default()
                },
                EligibilityRule::Stage,
                false,
                "không thuộc",
                "is not one",
            ),
            (
                Rules {
                    sector_ids: vec![1, 3],
                    ..Rules::default()
                },
                EligibilityRule::Sector,
                true,
                "Nông nghiệp",
                "Agriculture",
            ),
            (
                Rules {
                    sector_ids: vec![3],
                    ..Rules::default()
                },
                EligibilityRule::Sector,
                false,
                "Du lịch",
                "Tourism",
            ),
            (
                Rules {
                    province_ids: vec![10],
                    ..Rules::default()
                },
                EligibilityRule::Province,
                true,
                "Đặt tại Cần Thơ",
                "Based in Can Tho",
            ),
            (
                Rules {
                    province_ids: vec![11],
                    ..Rules::default()
                },
                EligibilityRule::Province,
                false,
                "Hải Phòng",
                "outside the call's provinces (Hai Phong)",
            ),
            (
                Rules {
                    tags: vec![StartupTag::WomenLed, StartupTag::Student],
                    ..Rules::default()
                },
                EligibilityRule::Group,
                true,
                "do phụ nữ làm chủ",
                "women-led",
            ),
            (
                Rules {
                    tags: vec![StartupTag::Student],
                    ..Rules::default()
                },
                EligibilityRule::Group,
                false,
                "học sinh, sinh viên",
                "student-founded",
            ),
        ];
        for (rules, rule, passed, vi, en) in table {
            let verdicts = check_eligibility(&call(rules), &startup(), &sectors, &provinces, now);
            assert_eq!(verdicts.len(), 2, "{verdicts:?}");
            assert!(verdicts[0].passed, "the call is open: {verdicts:?}");
            let v = &verdicts[1];
            assert_eq!((v.rule, v.passed), (rule, passed), "{v:?}");
            assert!(v.vi.contains(vi), "{v:?}");
            assert!(v.en.contains(en), "{v:?}");
        }
    }

    #[test]
    fn a_call_is_open_from_its_opening_to_its_closing_in_vietnam_time() {
        let c = call(Rules::default());
        for (now, open, en) in [
            (
                "2026-10-31T23:59:59+07:00",
                false,
                "not open yet: it opens at 00:00 01/11/2026",
            ),
            (
                "2026-11-01T00:00:00+07:00",
                true,
                "open until 17:00 31/12/2026",
            ),
            ("2026-12-31T16:59:59+07:00", true, "open until"),
            (
                "2026-12-31T17:00:00+07:00",
                false,
                "closed at 17:00 31/12/2026",
            ),
        ] {
            let v = &check_eligibility(&c, &startup(), &[], &[], at(now))[0];
            assert_eq!((v.rule, v.passed), (EligibilityRule::Open, open), "{now}");
            assert_eq!(c.is_open_at(at(now)), open, "{now}");
            assert!(v.en.contains(en), "{now}: {}", v.en);
        }
    }

    #[test]
    fn a_project_not_yet_registered_meets_the_age_rule() {
        let mut s = startup();
        s.founded_on = None;
        let rules = Rules {
            max_years: Some(5),
            ..Rules::default()
        };
        let v = &check_eligibility(&call(rules), &s, &[], &[], at("2026-12-01T00:00:00Z"))[1];
        assert!(v.passed && v.vi.contains("Chưa đăng ký"), "{v:?}");
    }

    fn programme(
        sectors: Vec<i64>,
        topics: Vec<Topic>,
        audience: Vec<Audience>,
        province: Option<i64>,
    ) -> Programme {
        Programme {
            id: 1,
            slug: "p".into(),
            name: "P".into(),
            kind: ProgrammeKind::Acceleration,
            organization_id: None,
            province_id: province,
            starts_on: None,
            ends_on: None,
            capacity: None,
            budget_vnd: None,
            budget_source: None,
            sector_ids: sectors,
            topics,
            audience,
            description: String::new(),
            description_en: String::new(),
            website: None,
            created_at: at("2026-01-01T00:00:00Z"),
            updated_at: at("2026-01-01T00:00:00Z"),
        }
    }

    #[test]
    fn a_call_fits_by_sector_needs_group_and_place_and_says_why() {
        let mut s = startup();
        s.needs = vec![Topic::Fundraising, Topic::Legal];
        let sectors = [named(1, "Nông nghiệp", "Agriculture")];
        let c = call(Rules::default());
        // (programme, factor, its score, words of the English reason)
        let table: Vec<(Programme, CallFactor, f32, &str)> = vec![
            (
                programme(vec![1], vec![], vec![], None),
                CallFactor::Sector,
                1.0,
                "Shares its sectors: Agriculture",
            ),
            (
                programme(vec![3], vec![], vec![], None),
                CallFactor::Sector,
                0.0,
                "None of the programme's sectors",
            ),
            (
                programme(vec![], vec![], vec![], None),
                CallFactor::Sector,
                0.5,
                "open to every sector",
            ),
            (
                programme(vec![], vec![Topic::Fundraising], vec![], None),
                CallFactor::Needs,
                0.5,
                "FUNDRAISING",
            ),
            (
                programme(vec![], vec![Topic::Marketing], vec![], None),
                CallFactor::Needs,
                0.0,
                "none of what it needs",
            ),
            (
                programme(vec![], vec![], vec![Audience::Women], None),
                CallFactor::Group,
                1.0,
                "women-led",
            ),
            (
                programme(vec![], vec![], vec![Audience::Farmers], None),
                CallFactor::Group,
                0.25,
                "Not in a group",
            ),
            (
                programme(vec![], vec![], vec![], Some(10)),
                CallFactor::Place,
                1.0,
                "where it is based",
            ),
            (
                programme(vec![], vec![], vec![], Some(11)),
                CallFactor::Place,
                0.25,
                "elsewhere",
            ),
        ];
        for (p, factor, score, en) in table {
            let (_, reasons) = call_fit(&c, &p, &s, &sectors);
            let r = reasons.iter().find(|r| r.factor == factor).unwrap();
            assert_eq!(r.score, score, "{factor}: {r:?}");
            assert!(r.en.contains(en), "{factor}: {r:?}");
            assert!(!r.vi.is_empty());
        }
        let (best, _) = call_fit(
            &c,
            &programme(
                vec![1],
                vec![Topic::Fundraising, Topic::Legal],
                vec![Audience::Women],
                Some(10),
            ),
            &s,
            &sectors,
        );
        let (worst, _) = call_fit(
            &c,
            &programme(
                vec![3],
                vec![Topic::Marketing],
                vec![Audience::Farmers],
                Some(11),
            ),
            &s,
            &sectors,
        );
        assert_eq!(best, 1.0);
        assert!(worst < 0.1, "{worst}");
    }

    #[test]
    fn applications_move_only_forward_and_final_states_stay() {
        use ApplicationStatus::*;
        for (from, to, allowed) in [
            (Draft, Submitted, true),
            (Draft, Accepted, false),
            (Submitted, Screening, true),
            (Screening, Shortlisted, true),
            (Shortlisted, Accepted, true),
            (Submitted, Accepted, false),
            (Accepted, Rejected, false),
            (Accepted, Screening, false),
            (Rejected, Accepted, false),
            (Withdrawn, Submitted, false),
            (Shortlisted, Withdrawn, true),
        ] {
            assert_eq!(from.may_move_to(to), allowed, "{from} -> {to}");
        }
        assert!(Accepted.is_final() && Rejected.is_final() && Withdrawn.is_final());
        assert_eq!(Submitted.mover(), Mover::Applicant);
        assert_eq!(Accepted.mover(), Mover::Manager);
    }
}
