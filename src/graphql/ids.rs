//! Opaque global IDs (Relay): `base64url("Startup:42")`. Clients must treat
//! them as opaque; the encoding lets `node(id:)` find any object.

use async_graphql::ID;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// The types that have global IDs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Startup,
    Investor,
    Mentor,
    Organization,
    Event,
    Sector,
    Province,
    Investment,
    User,
    Introduction,
    Programme,
    Call,
    Application,
    Support,
    Class,
}

impl Kind {
    const ALL: [Kind; 15] = [
        Kind::Startup,
        Kind::Investor,
        Kind::Mentor,
        Kind::Organization,
        Kind::Event,
        Kind::Sector,
        Kind::Province,
        Kind::Investment,
        Kind::User,
        Kind::Introduction,
        Kind::Programme,
        Kind::Call,
        Kind::Application,
        Kind::Support,
        Kind::Class,
    ];

    /// The GraphQL type name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Startup => "Startup",
            Kind::Investor => "Investor",
            Kind::Mentor => "Mentor",
            Kind::Organization => "Organization",
            Kind::Event => "Event",
            Kind::Sector => "Sector",
            Kind::Province => "Province",
            Kind::Investment => "Investment",
            Kind::User => "User",
            Kind::Introduction => "Introduction",
            Kind::Programme => "Programme",
            Kind::Call => "Call",
            Kind::Application => "Application",
            Kind::Support => "SupportRecord",
            Kind::Class => "TrainingClass",
        }
    }
}

/// The global ID of a row.
pub fn encode(kind: Kind, id: i64) -> ID {
    ID(URL_SAFE_NO_PAD.encode(format!("{}:{id}", kind.name())))
}

/// Splits a global ID into its type and row id.
pub fn decode(id: &str) -> Option<(Kind, i64)> {
    if id.len() > 64 {
        return None;
    }
    let bytes = URL_SAFE_NO_PAD.decode(id).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    let (name, number) = text.split_once(':')?;
    let kind = Kind::ALL.into_iter().find(|k| k.name() == name)?;
    let row: i64 = number.parse().ok().filter(|n| *n > 0)?;
    Some((kind, row))
}

/// The row id of `id` when it is the ID of a `kind`; `None` otherwise.
pub fn of_kind(id: &str, kind: Kind) -> Option<i64> {
    decode(id).filter(|(k, _)| *k == kind).map(|(_, row)| row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_reject_tampering() {
        let id = encode(Kind::Startup, 42);
        assert_eq!(decode(&id), Some((Kind::Startup, 42)));
        assert!(!id.contains("Startup"), "IDs are opaque: {}", id.0);
        assert_eq!(decode("not-an-id"), None);
        assert_eq!(decode(&URL_SAFE_NO_PAD.encode("Rocket:1")), None);
        assert_eq!(decode(&URL_SAFE_NO_PAD.encode("Startup:-1")), None);
        assert_eq!(of_kind(&id, Kind::Investor), None);
        assert_eq!(of_kind(&id, Kind::Startup), Some(42));
    }
}
