//! Opaque global IDs (Relay): `base64url("Startup:42")`. Clients must treat
//! them as opaque; the encoding lets `node(id:)` find any object.

use async_graphql::ID;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::error::Error;

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
}

impl Kind {
    const ALL: [Kind; 8] = [
        Kind::Startup,
        Kind::Investor,
        Kind::Mentor,
        Kind::Organization,
        Kind::Event,
        Kind::Sector,
        Kind::Province,
        Kind::Investment,
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

/// Decodes an ID that must be of `kind`; `argument` names it in the error.
pub fn expect(id: &ID, kind: Kind, argument: &str) -> Result<i64, Error> {
    match decode(id) {
        Some((k, row)) if k == kind => Ok(row),
        _ => Err(Error::BadUserInput(format!(
            "`{argument}` is not the ID of a {}",
            kind.name()
        ))),
    }
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
        assert!(expect(&id, Kind::Investor, "id").is_err());
    }
}
