//! `Mentor`: mentors, coaches and experts.

use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::{DateTime, FixedOffset};

use super::account;
use super::connection::{connection, order};
use super::ids::{self, Kind};
use super::loaders::{self, ProvinceId, SectorId};
use super::matching;
use crate::matching::Lang;
use crate::model::{self, Mentor, Province, Sector, Topic};
use crate::store::{SortColumn, Table};

/// A mentor, coach or expert (cố vấn, huấn luyện viên, chuyên gia).
#[Object]
impl Mentor {
    /// The global ID.
    pub async fn id(&self) -> ID {
        ids::encode(Kind::Mentor, self.id)
    }

    /// The unique, human-readable key.
    async fn slug(&self) -> &str {
        &self.slug
    }

    /// Full name.
    async fn name(&self) -> &str {
        &self.name
    }

    /// One line about who they are.
    async fn headline(&self) -> &str {
        &self.headline
    }

    /// Their background (Vietnamese, English or both).
    async fn bio(&self) -> &str {
        &self.bio
    }

    /// The topics they mentor on.
    async fn expertise(&self) -> &[Topic] {
        &self.expertise
    }

    /// Topics their headline or bio describes that `expertise` does not
    /// list, each with the sentence that describes it (Vietnamese or
    /// English, with or without diacritics; "không"/"not" rules a topic
    /// out). Matching counts them as expertise.
    async fn inferred_expertise(
        &self,
        ctx: &Context<'_>,
    ) -> Result<Vec<super::stated::InferredTopic>> {
        let text = crate::matching::mentor_text(&self.headline, &self.bio);
        super::stated::expertise(ctx, &text, &self.expertise).await
    }

    /// Languages they mentor in, as ISO 639-1 codes (`vi`, `en`).
    async fn languages(&self) -> &[String] {
        &self.languages
    }

    /// The startups programmes confirmed them for, oldest first (public).
    async fn mentorships(&self, ctx: &Context<'_>) -> Result<Vec<super::programme::Mentorship>> {
        Ok(
            super::programme::mentorships(ctx, super::programme::MentorshipsOf::Mentor(self.id))
                .await?,
        )
    }

    /// How many startups they can mentor at once.
    async fn capacity(&self) -> i32 {
        self.capacity
    }

    /// Their website or profile page.
    async fn website(&self) -> Option<&str> {
        self.website.as_deref()
    }

    /// The startups this mentor fits best, ranked with the same factors
    /// as `Startup.mentorMatches`. Startups the mentor dismissed are left
    /// out. For the mentor's owner and the operator.
    #[graphql(complexity = "first.unwrap_or(10).clamp(1, 50) as usize * child_complexity")]
    async fn suggested_startups(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 10, desc = "How many (1 to 50; 10 by default).")] first: Option<i32>,
        #[graphql(desc = "Narrows the startups considered.")] filter: Option<
            matching::StartupMatchFilter,
        >,
        #[graphql(
            desc = "The language of the explanations (default: the request's `Accept-Language`, else Vietnamese)."
        )]
        lang: Option<Lang>,
    ) -> Result<Vec<matching::StartupMatch>> {
        Ok(matching::suggested_startups(ctx, self, first.unwrap_or(10), filter, lang).await?)
    }

    /// Contact e-mail address; null unless the viewer owns the profile, is
    /// the other side of an accepted introduction, or is the operator.
    async fn email(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        let shown = account::sees_contact(ctx, Table::Mentors, self.id, self.owner_id).await?;
        Ok(self.contact.email.as_deref().filter(|_| shown))
    }

    /// Contact phone number; null unless the viewer owns the profile, is
    /// the other side of an accepted introduction, or is the operator.
    async fn phone(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        let shown = account::sees_contact(ctx, Table::Mentors, self.id, self.owner_id).await?;
        Ok(self.contact.phone.as_deref().filter(|_| shown))
    }

    /// The sectors they know.
    async fn sectors(&self, ctx: &Context<'_>) -> Result<Vec<Sector>> {
        Ok(loaders::many(
            ctx,
            self.sector_ids.iter().map(|id| SectorId(*id)).collect(),
        )
        .await?)
    }

    /// Where they are based.
    async fn province(&self, ctx: &Context<'_>) -> Result<Option<Province>> {
        match self.province_id {
            Some(id) => Ok(loaders::one(ctx, ProvinceId(id)).await?),
            None => Ok(None),
        }
    }

    /// When the profile was created.
    async fn created_at(&self) -> DateTime<FixedOffset> {
        self.created_at.with_timezone(&model::vietnam_offset())
    }

    /// When the profile last changed.
    async fn updated_at(&self) -> DateTime<FixedOffset> {
        self.updated_at.with_timezone(&model::vietnam_offset())
    }
}

connection!(MentorConnection, MentorEdge, Mentor, "mentors");

/// Narrows the mentor list. Each list matches any of its values; all given
/// fields must match. An empty or absent list does not narrow.
#[derive(Debug, Clone, Default, InputObject)]
pub struct MentorFilter {
    /// Only those whose texts match this search, read as `search` reads
    /// it (with or without diacritics, last word as a prefix, one typo in
    /// longer words). It narrows the list, which keeps its order; only the
    /// 10,000 best matches count.
    #[graphql(validator(max_length = 256))]
    pub query: Option<String>,
    /// Sector keys.
    #[graphql(validator(max_items = 100))]
    pub sectors: Option<Vec<String>>,
    /// Topics: mentors with any of them.
    #[graphql(validator(max_items = 100))]
    pub expertise: Option<Vec<Topic>>,
    /// Province keys.
    #[graphql(validator(max_items = 100))]
    pub provinces: Option<Vec<String>>,
    /// Language codes, e.g. `["en"]`.
    #[graphql(validator(max_items = 100))]
    pub languages: Option<Vec<String>>,
}

impl From<MentorFilter> for crate::store::MentorFilter {
    fn from(f: MentorFilter) -> Self {
        crate::store::MentorFilter {
            ids: None,
            sectors: f.sectors,
            expertise: f.expertise,
            provinces: f.provinces,
            languages: f.languages,
        }
    }
}

order!(MentorOrder, MentorOrderField, "mentors", default Name, {
    /// By name, ignoring case and diacritics.
    Name => SortColumn::Name,
    /// By when the profile was created.
    CreatedAt => SortColumn::CreatedAt,
});
