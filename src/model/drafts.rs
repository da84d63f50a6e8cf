//! Drafts: what a caller asks the store to write (the write model), and the
//! rules each draft must keep before it is written. The API's operations
//! and `import` (which converts data-file records) both hand the store
//! drafts, and the store checks every draft it writes, so every write
//! passes the same checks.
//!
//! A draft refers to other entities by slug (a startup's sectors, its
//! organisation); the store resolves those and reports unknown ones.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use super::*;

/// The most sectors, provinces or languages one profile may list.
pub const MAX_LINKS: usize = 20;

/// A sector of the economy.
#[derive(Debug, Clone, PartialEq)]
pub struct SectorDraft {
    pub slug: String,
    pub name: String,
    pub name_en: String,
}

/// A province or city.
#[derive(Debug, Clone, PartialEq)]
pub struct ProvinceDraft {
    pub slug: String,
    pub name: String,
    pub region: String,
}

impl From<Sector> for SectorDraft {
    fn from(s: Sector) -> Self {
        SectorDraft {
            slug: s.slug,
            name: s.name,
            name_en: s.name_en,
        }
    }
}

impl From<Province> for ProvinceDraft {
    fn from(p: Province) -> Self {
        ProvinceDraft {
            slug: p.slug,
            name: p.name,
            region: p.region,
        }
    }
}

/// A support organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct OrganizationDraft {
    pub slug: String,
    pub name: String,
    pub kind: OrganizationKind,
    pub province: Option<String>,
    pub description: String,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// When it was founded.
    pub established_on: Option<NaiveDate>,
}

/// A startup.
#[derive(Debug, Clone, PartialEq)]
pub struct StartupDraft {
    pub slug: String,
    pub name: String,
    pub tagline: String,
    pub description: String,
    pub sectors: Vec<String>,
    pub stage: Stage,
    pub province: Option<String>,
    pub founded_on: Option<NaiveDate>,
    pub team_size: Option<i32>,
    pub tags: Vec<StartupTag>,
    pub needs: Vec<Topic>,
    pub seeking: Option<Money>,
    pub organization: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// An investor. An empty `provinces` list means nationwide.
#[derive(Debug, Clone, PartialEq)]
pub struct InvestorDraft {
    pub slug: String,
    pub name: String,
    pub kind: InvestorKind,
    pub thesis: String,
    pub sectors: Vec<String>,
    pub stages: Vec<Stage>,
    pub ticket_min: Option<Money>,
    pub ticket_max: Option<Money>,
    pub provinces: Vec<String>,
    pub active: bool,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// A mentor, coach or expert; `capacity` is how many startups they take on.
#[derive(Debug, Clone, PartialEq)]
pub struct MentorDraft {
    pub slug: String,
    pub name: String,
    pub headline: String,
    pub bio: String,
    pub expertise: Vec<Topic>,
    pub sectors: Vec<String>,
    pub languages: Vec<String>,
    pub province: Option<String>,
    pub capacity: i32,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// An event; `organizer` is an organisation's slug.
#[derive(Debug, Clone, PartialEq)]
pub struct EventDraft {
    pub slug: String,
    pub title: String,
    pub kind: EventKind,
    pub description: String,
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: Option<DateTime<FixedOffset>>,
    pub province: Option<String>,
    pub organizer: Option<String>,
    pub sectors: Vec<String>,
    pub website: Option<String>,
    pub scope: EventScope,
}

/// An investment of an investor (slug) into a startup (slug).
#[derive(Debug, Clone, PartialEq)]
pub struct InvestmentDraft {
    pub investor: String,
    pub startup: String,
    pub amount: Money,
    pub round: Stage,
    pub date: NaiveDate,
    pub confidential: bool,
}

fn contact(
    c: &mut Checker,
    website: &Option<String>,
    email: &Option<String>,
    phone: &Option<String>,
) {
    c.url(Field::Website, website.as_deref());
    c.contact(&Contact {
        email: email.clone(),
        phone: phone.clone(),
    });
}

pub(super) fn links(c: &mut Checker, field: Field, count: usize) {
    if count > MAX_LINKS {
        c.push(
            field,
            FieldErrorCode::OutOfRange,
            format!("at most {MAX_LINKS} entries"),
        );
    }
}

fn not_after(c: &mut Checker, field: Field, date: NaiveDate, today: NaiveDate) {
    if date > today {
        c.push(
            field,
            FieldErrorCode::OutOfRange,
            format!("{date} is in the future"),
        );
    }
}

impl SectorDraft {
    /// The problems with this draft, if any.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.slug(Field::Slug, &self.slug);
        c.required_text(Field::Name, &self.name, MAX_NAME_LEN);
        c.required_text(Field::NameEn, &self.name_en, MAX_NAME_LEN);
        c.finish()
    }
}

impl ProvinceDraft {
    /// The problems with this draft, if any.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.slug(Field::Slug, &self.slug);
        c.required_text(Field::Name, &self.name, MAX_NAME_LEN);
        c.required_text(Field::Region, &self.region, MAX_NAME_LEN);
        c.finish()
    }
}

impl OrganizationDraft {
    /// The problems with this draft, if any.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.slug(Field::Slug, &self.slug);
        c.required_text(Field::Name, &self.name, MAX_NAME_LEN);
        c.max_len(Field::Description, &self.description, MAX_LONG_TEXT_LEN);
        contact(&mut c, &self.website, &self.email, &self.phone);
        c.finish()
    }
}

impl StartupDraft {
    /// The problems with this draft, if any, on the day `today` (a startup
    /// cannot be founded in the future).
    pub fn check(&self, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.slug(Field::Slug, &self.slug);
        c.required_text(Field::Name, &self.name, MAX_NAME_LEN);
        c.max_len(Field::Tagline, &self.tagline, MAX_SHORT_TEXT_LEN);
        c.max_len(Field::Description, &self.description, MAX_LONG_TEXT_LEN);
        contact(&mut c, &self.website, &self.email, &self.phone);
        if let Some(founded) = self.founded_on {
            if founded > today {
                not_after(&mut c, Field::FoundedOn, founded, today);
            } else if !YEARS.contains(&founded.year()) {
                c.push(
                    Field::FoundedOn,
                    FieldErrorCode::OutOfRange,
                    "must be 1900 or later",
                );
            }
        }
        if let Some(size) = self.team_size
            && !(1..=1_000_000).contains(&size)
        {
            c.push(
                Field::TeamSize,
                FieldErrorCode::OutOfRange,
                "must be between 1 and 1,000,000",
            );
        }
        c.money(Field::Seeking, self.seeking.as_ref());
        links(&mut c, Field::Sectors, self.sectors.len());
        c.finish()
    }
}

impl InvestorDraft {
    /// The problems with this draft, if any.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.slug(Field::Slug, &self.slug);
        c.required_text(Field::Name, &self.name, MAX_NAME_LEN);
        c.max_len(Field::Thesis, &self.thesis, MAX_LONG_TEXT_LEN);
        contact(&mut c, &self.website, &self.email, &self.phone);
        c.money(Field::TicketMin, self.ticket_min.as_ref());
        c.money(Field::TicketMax, self.ticket_max.as_ref());
        if let (Some(min), Some(max)) = (self.ticket_min, self.ticket_max)
            && min.in_vnd() > max.in_vnd()
        {
            c.errors.push(FieldError::compared(
                Field::TicketMin,
                FieldErrorCode::OutOfRange,
                "must not be greater than",
                Field::TicketMax,
            ));
        }
        links(&mut c, Field::Sectors, self.sectors.len());
        links(&mut c, Field::Provinces, self.provinces.len());
        c.finish()
    }
}

impl MentorDraft {
    /// The problems with this draft, if any.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.slug(Field::Slug, &self.slug);
        c.required_text(Field::Name, &self.name, MAX_NAME_LEN);
        c.max_len(Field::Headline, &self.headline, MAX_SHORT_TEXT_LEN);
        c.max_len(Field::Bio, &self.bio, MAX_LONG_TEXT_LEN);
        contact(&mut c, &self.website, &self.email, &self.phone);
        if !(0..=100).contains(&self.capacity) {
            c.push(
                Field::Capacity,
                FieldErrorCode::OutOfRange,
                "must be between 0 and 100",
            );
        }
        for lang in &self.languages {
            if !is_language_code(lang) {
                c.push(
                    Field::Languages,
                    FieldErrorCode::Invalid,
                    format!("`{lang}` is not an ISO 639-1 code like `vi` or `en`"),
                );
            }
        }
        links(&mut c, Field::Sectors, self.sectors.len());
        links(&mut c, Field::Languages, self.languages.len());
        c.finish()
    }
}

/// An ISO 639 language code as profiles list them (`vi`, `en`).
pub fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

impl EventDraft {
    /// The problems with this draft, if any.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.slug(Field::Slug, &self.slug);
        c.required_text(Field::Title, &self.title, MAX_NAME_LEN);
        c.max_len(Field::Description, &self.description, MAX_LONG_TEXT_LEN);
        c.url(Field::Website, self.website.as_deref());
        c.year_in_range(Field::StartsAt, self.starts_at.year());
        if let Some(ends) = self.ends_at {
            c.year_in_range(Field::EndsAt, ends.year());
            if ends < self.starts_at {
                c.errors.push(FieldError::compared(
                    Field::EndsAt,
                    FieldErrorCode::OutOfRange,
                    "must not be before",
                    Field::StartsAt,
                ));
            }
        }
        links(&mut c, Field::Sectors, self.sectors.len());
        c.finish()
    }
}

impl InvestmentDraft {
    /// The problems with this draft, if any, on the day `today` (an
    /// investment cannot be dated in the future).
    pub fn check(&self, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.money(Field::Amount, Some(&self.amount));
        c.year_in_range(Field::Date, self.date.year());
        not_after(&mut c, Field::Date, self.date, today);
        c.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn investor() -> InvestorDraft {
        InvestorDraft {
            slug: "mekong-angels".into(),
            name: "Mekong Angels".into(),
            kind: InvestorKind::Angel,
            thesis: String::new(),
            sectors: vec![],
            stages: vec![],
            ticket_min: None,
            ticket_max: None,
            provinces: vec![],
            active: true,
            website: None,
            email: None,
            phone: None,
        }
    }

    #[test]
    fn a_ticket_range_must_not_be_upside_down() {
        let mut d = investor();
        assert_eq!(d.check(), Ok(()));
        d.ticket_min = Some(Money {
            amount: 10_000,
            currency: Currency::Usd,
        });
        d.ticket_max = Some(Money {
            amount: 100_000_000,
            currency: Currency::Vnd,
        });
        let errors = d.check().unwrap_err();
        assert_eq!(errors[0].field, Field::TicketMin);
        assert_eq!(errors[0].code, FieldErrorCode::OutOfRange);
        assert_eq!(
            errors[0].to_string(),
            "ticket_min: must not be greater than ticket_max"
        );
    }

    #[test]
    fn dates_in_the_future_are_refused_against_the_given_day() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let investment = InvestmentDraft {
            investor: "a".into(),
            startup: "b".into(),
            amount: Money {
                amount: 1,
                currency: Currency::Vnd,
            },
            round: Stage::Seed,
            date: NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
            confidential: false,
        };
        assert_eq!(investment.check(today).unwrap_err()[0].field, Field::Date);
        let tomorrow = today.succ_opt().unwrap();
        assert_eq!(investment.check(tomorrow), Ok(()));
    }
}
