//! Validation: the limits every draft keeps, the fields a problem can
//! name, and the checker that collects problems.

use std::fmt;

use super::*;

/// The longest slug accepted.
pub const MAX_SLUG_LEN: usize = 80;
/// The longest name or title accepted.
pub const MAX_NAME_LEN: usize = 200;
/// The longest tagline or headline accepted.
pub const MAX_SHORT_TEXT_LEN: usize = 300;
/// The longest description, thesis or bio accepted.
pub const MAX_LONG_TEXT_LEN: usize = 20_000;
/// The longest URL, e-mail address or phone number accepted.
pub const MAX_CONTACT_LEN: usize = 320;

/// A field of a draft that a problem can name. Each caller spells it its
/// own way: the API in camelCase (`ticketMax`), the data file as its column
/// (`ticket_max`); [`Field::name`] is the domain's own name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Slug,
    Name,
    NameEn,
    Region,
    Kind,
    Province,
    Provinces,
    Description,
    Tagline,
    Sectors,
    Stage,
    Stages,
    FoundedOn,
    TeamSize,
    Tags,
    Needs,
    Seeking,
    Organization,
    Website,
    Email,
    Phone,
    Thesis,
    TicketMin,
    TicketMax,
    Active,
    Headline,
    Bio,
    Expertise,
    Languages,
    Capacity,
    Title,
    StartsAt,
    EndsAt,
    Organizer,
    Investor,
    Startup,
    Amount,
    Round,
    Date,
    Confidential,
    Password,
    Role,
    Owner,
    Message,
    Id,
    Event,
    Participant,
    Slots,
    MaxMeetingsPerParticipant,
    Mentor,
    DescriptionEn,
    StartsOn,
    EndsOn,
    BudgetVnd,
    BudgetSource,
    Audience,
    Topics,
    Programme,
    Call,
    OpensAt,
    ClosesAt,
    Places,
    Questions,
    MaxYears,
    Answers,
    Status,
    Reason,
    Recipient,
    ValueVnd,
    GivenOn,
    Note,
    Origin,
    HeldOn,
    Hours,
    Trainer,
    Person,
    Class,
    Attendees,
    Criteria,
    Scores,
    Reviewers,
    SubmittedAt,
    DecidedAt,
    TitleEn,
    Basis,
    BasisOn,
    Targets,
    EstablishedOn,
    Scope,
    Target,
    Year,
    Value,
    Evidence,
    Indicator,
}

impl Field {
    /// The domain's name of the field (snake_case, as in the drafts).
    pub fn name(self) -> &'static str {
        match self {
            Field::Slug => "slug",
            Field::Name => "name",
            Field::NameEn => "name_en",
            Field::Region => "region",
            Field::Kind => "kind",
            Field::Province => "province",
            Field::Provinces => "provinces",
            Field::Description => "description",
            Field::Tagline => "tagline",
            Field::Sectors => "sectors",
            Field::Stage => "stage",
            Field::Stages => "stages",
            Field::FoundedOn => "founded_on",
            Field::TeamSize => "team_size",
            Field::Tags => "tags",
            Field::Needs => "needs",
            Field::Seeking => "seeking",
            Field::Organization => "organization",
            Field::Website => "website",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Thesis => "thesis",
            Field::TicketMin => "ticket_min",
            Field::TicketMax => "ticket_max",
            Field::Active => "active",
            Field::Headline => "headline",
            Field::Bio => "bio",
            Field::Expertise => "expertise",
            Field::Languages => "languages",
            Field::Capacity => "capacity",
            Field::Title => "title",
            Field::StartsAt => "starts_at",
            Field::EndsAt => "ends_at",
            Field::Organizer => "organizer",
            Field::Investor => "investor",
            Field::Startup => "startup",
            Field::Amount => "amount",
            Field::Round => "round",
            Field::Date => "date",
            Field::Confidential => "confidential",
            Field::Password => "password",
            Field::Role => "role",
            Field::Owner => "owner",
            Field::Message => "message",
            Field::Id => "id",
            Field::Event => "event",
            Field::Participant => "participant",
            Field::Slots => "slots",
            Field::MaxMeetingsPerParticipant => "max_meetings_per_participant",
            Field::Mentor => "mentor",
            Field::DescriptionEn => "description_en",
            Field::StartsOn => "starts_on",
            Field::EndsOn => "ends_on",
            Field::BudgetVnd => "budget_vnd",
            Field::BudgetSource => "budget_source",
            Field::Audience => "audience",
            Field::Topics => "topics",
            Field::Programme => "programme",
            Field::Call => "call",
            Field::OpensAt => "opens_at",
            Field::ClosesAt => "closes_at",
            Field::Places => "places",
            Field::Questions => "questions",
            Field::MaxYears => "max_years",
            Field::Answers => "answers",
            Field::Status => "status",
            Field::Reason => "reason",
            Field::Recipient => "recipient",
            Field::ValueVnd => "value_vnd",
            Field::GivenOn => "given_on",
            Field::Note => "note",
            Field::Origin => "origin",
            Field::HeldOn => "held_on",
            Field::Hours => "hours",
            Field::Trainer => "trainer",
            Field::Person => "person",
            Field::Class => "class",
            Field::Attendees => "attendees",
            Field::Criteria => "criteria",
            Field::Scores => "scores",
            Field::Reviewers => "reviewers",
            Field::SubmittedAt => "submitted_at",
            Field::DecidedAt => "decided_at",
            Field::TitleEn => "title_en",
            Field::Basis => "basis",
            Field::BasisOn => "basis_on",
            Field::Targets => "targets",
            Field::EstablishedOn => "established_on",
            Field::Scope => "scope",
            Field::Target => "target",
            Field::Year => "year",
            Field::Value => "value",
            Field::Evidence => "evidence",
            Field::Indicator => "indicator",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a field was rejected; the `code` of a user error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, async_graphql::Enum)]
pub enum FieldErrorCode {
    /// The field is required and was missing or blank.
    Required,
    /// The value is longer than allowed.
    TooLong,
    /// The value is shorter than allowed (passwords).
    TooShort,
    /// The value is malformed.
    Invalid,
    /// The value is outside the allowed range.
    OutOfRange,
    /// The value refers to something that does not exist.
    UnknownReference,
    /// The value must be unique and is already in use.
    Taken,
    /// The e-mail address or the password is wrong (sign-in).
    InvalidCredentials,
    /// Not yet: the same request was refused recently.
    TooSoon,
    /// Not from where it stands now (an application's move that its status
    /// does not allow).
    NotAllowed,
    /// The call for applications is not open.
    Closed,
    /// The startup does not meet a rule of the call.
    Ineligible,
    /// No places are left.
    Full,
    /// Someone else changed it since it was read: read it again.
    Stale,
}

/// A problem with one field of an input that the user can fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field at fault; each caller names it in its own spelling.
    pub field: Field,
    /// A sentence for the user; when `other` is set, it ends by naming
    /// that field, which the caller appends in its own spelling.
    pub message: String,
    /// A machine-readable reason.
    pub code: FieldErrorCode,
    /// The field the value was compared with (`ticket_max` for a smallest
    /// ticket above the largest), named at the end of the message.
    pub other: Option<Field>,
}

impl FieldError {
    pub fn new(field: Field, code: FieldErrorCode, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
            code,
            other: None,
        }
    }

    /// A problem found by comparing `field` with `other`: `message` reads
    /// as a sentence once `other`'s name is appended.
    pub fn compared(field: Field, code: FieldErrorCode, message: &str, other: Field) -> Self {
        Self {
            other: Some(other),
            ..Self::new(field, code, message)
        }
    }

    /// The message with the compared field named by `name`.
    pub fn message_naming(&self, name: impl Fn(Field) -> &'static str) -> String {
        match self.other {
            Some(other) => format!("{} {}", self.message, name(other)),
            None => self.message.clone(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message_naming(Field::name))
    }
}

/// Whether `value` is a slug: 1 to [`MAX_SLUG_LEN`] lowercase ASCII
/// letters, digits and single hyphens, neither first nor last.
pub fn is_slug(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= MAX_SLUG_LEN
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !value.starts_with('-')
        && !value.ends_with('-')
        && !value.contains("--")
}

/// Collects field errors while a draft is checked.
#[derive(Debug, Default)]
pub struct Checker {
    pub errors: Vec<FieldError>,
}

impl Checker {
    /// A required, trimmed text of at most `max` characters.
    pub fn required_text(&mut self, field: Field, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.errors.push(FieldError::new(
                field,
                FieldErrorCode::Required,
                "must not be empty",
            ));
        } else {
            self.max_len(field, value, max);
        }
    }

    /// An optional text of at most `max` characters, without U+0000
    /// (PostgreSQL cannot store it, so neither database takes it).
    pub fn max_len(&mut self, field: Field, value: &str, max: usize) {
        if value.contains('\0') {
            self.errors.push(FieldError::new(
                field,
                FieldErrorCode::Invalid,
                "must not contain the character U+0000",
            ));
        }
        let len = value.chars().count();
        if len > max {
            self.errors.push(FieldError::new(
                field,
                FieldErrorCode::TooLong,
                format!("must be at most {max} characters (got {len})"),
            ));
        }
    }

    /// An optional text field.
    pub fn optional_text(&mut self, field: Field, value: Option<&str>, max: usize) {
        if let Some(v) = value {
            self.max_len(field, v, max);
        }
    }

    /// A slug: lowercase ASCII letters, digits and single hyphens.
    pub fn slug(&mut self, field: Field, value: &str) {
        if !is_slug(value) {
            self.errors.push(FieldError::new(
                field,
                FieldErrorCode::Invalid,
                format!(
                    "must be 1 to {MAX_SLUG_LEN} lowercase letters, digits and single hyphens, like `can-tho`"
                ),
            ));
        }
    }

    /// An http(s) URL.
    pub fn url(&mut self, field: Field, value: Option<&str>) {
        let Some(v) = value else { return };
        self.max_len(field, v, MAX_CONTACT_LEN);
        let rest = v
            .strip_prefix("https://")
            .or_else(|| v.strip_prefix("http://"));
        if !rest.is_some_and(|r| !r.is_empty() && !r.contains(char::is_whitespace)) {
            self.errors.push(FieldError::new(
                field,
                FieldErrorCode::Invalid,
                "must be an http:// or https:// address",
            ));
        }
    }

    /// Contact details: a plausible e-mail address and phone number.
    pub fn contact(&mut self, contact: &Contact) {
        if let Some(email) = &contact.email {
            self.max_len(Field::Email, email, MAX_CONTACT_LEN);
            let ok = email.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !email.contains(char::is_whitespace)
            });
            if !ok {
                self.errors.push(FieldError::new(
                    Field::Email,
                    FieldErrorCode::Invalid,
                    "must be an e-mail address like name@example.vn",
                ));
            }
        }
        if let Some(phone) = &contact.phone {
            let digits = phone.chars().filter(char::is_ascii_digit).count();
            let allowed = phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +-().".contains(c));
            if !allowed || !(6..=20).contains(&digits) {
                self.errors.push(FieldError::new(
                    Field::Phone,
                    FieldErrorCode::Invalid,
                    "must be a phone number of 6 to 20 digits, like +84 292 3820 000",
                ));
            }
        }
    }

    /// A non-negative amount of money.
    pub fn money(&mut self, field: Field, value: Option<&Money>) {
        if let Some(m) = value
            && m.amount < 0
        {
            self.errors.push(FieldError::new(
                field,
                FieldErrorCode::OutOfRange,
                "must not be negative",
            ));
        }
    }

    /// A date within [`YEARS`].
    pub fn year_in_range(&mut self, field: Field, year: i32) {
        if !YEARS.contains(&year) {
            self.errors.push(FieldError::new(
                field,
                FieldErrorCode::OutOfRange,
                "must be between the years 1900 and 9999",
            ));
        }
    }

    /// Records an error.
    pub fn push(&mut self, field: Field, code: FieldErrorCode, message: impl Into<String>) {
        self.errors.push(FieldError::new(field, code, message));
    }

    /// The collected errors, or `Ok` when there are none.
    pub fn finish(self) -> Result<(), Vec<FieldError>> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self.errors)
        }
    }
}
