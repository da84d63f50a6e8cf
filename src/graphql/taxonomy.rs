//! `Sector`, `Province` and `Investment`: the small types around the profiles.

use async_graphql::{Context, ID, Object, Result};

use super::ids::{self, Kind};
use super::loaders::{self, InvestorId, StartupId};
use super::scalars::Date;
use crate::model::{Investment, Investor, Money, Province, Sector, Stage, Startup};

/// A sector of the economy (lĩnh vực), such as agritech or fintech.
#[Object]
impl Sector {
    /// The global ID.
    pub async fn id(&self) -> ID {
        ids::encode(Kind::Sector, self.id)
    }

    /// The key used in filters and data files, e.g. `agritech`.
    async fn key(&self) -> &str {
        &self.slug
    }

    /// The same as `key`: every entity has a slug.
    async fn slug(&self) -> &str {
        &self.slug
    }

    /// The Vietnamese name, e.g. "Nông nghiệp công nghệ cao".
    async fn name(&self) -> &str {
        &self.name
    }

    /// The English name, e.g. "Agritech".
    async fn name_en(&self) -> &str {
        &self.name_en
    }
}

/// A province or centrally-run city (tỉnh / thành phố).
#[Object]
impl Province {
    /// The global ID.
    pub async fn id(&self) -> ID {
        ids::encode(Kind::Province, self.id)
    }

    /// The key used in filters and data files, e.g. `can-tho`.
    async fn key(&self) -> &str {
        &self.slug
    }

    /// The same as `key`: every entity has a slug.
    async fn slug(&self) -> &str {
        &self.slug
    }

    /// The name, e.g. "Cần Thơ".
    async fn name(&self) -> &str {
        &self.name
    }

    /// The region, e.g. "Mekong Delta".
    async fn region(&self) -> &str {
        &self.region
    }
}

/// Money an investor put into a startup in one round.
#[Object]
impl Investment {
    /// The global ID.
    pub async fn id(&self) -> ID {
        ids::encode(Kind::Investment, self.id)
    }

    /// How much was invested.
    async fn amount(&self) -> Money {
        self.amount
    }

    /// The stage the round financed.
    async fn round(&self) -> Stage {
        self.round
    }

    /// When the investment was made.
    async fn date(&self) -> Date {
        Date(self.date)
    }

    /// Whether only the two parties and the operator may see it.
    async fn confidential(&self) -> bool {
        self.confidential
    }

    /// Who invested.
    async fn investor(&self, ctx: &Context<'_>) -> Result<Option<Investor>> {
        if loaders::asks_only(ctx, loaders::INVESTOR_BRIEF) {
            let brief = loaders::InvestorBriefId(self.investor_id);
            return Ok(loaders::one(ctx, brief).await?);
        }
        Ok(loaders::one(ctx, InvestorId(self.investor_id)).await?)
    }

    /// The startup invested in.
    async fn startup(&self, ctx: &Context<'_>) -> Result<Option<Startup>> {
        Ok(loaders::one(ctx, StartupId(self.startup_id)).await?)
    }
}
