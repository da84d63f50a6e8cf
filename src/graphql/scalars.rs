//! Custom scalars and the money type.

use async_graphql::{
    InputObject, InputValueError, InputValueResult, Object, Scalar, ScalarType, Value,
};
use chrono::{Datelike, NaiveDate};

use crate::model::{Currency, Money, parse_amount};

/// A non-negative whole number beyond 32 bits (amounts of money).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BigInt(pub i64);

/// A whole number that may exceed 32 bits, written as a decimal string
/// (e.g. `"5000000000"`): VND amounts do not fit GraphQL's `Int`, and
/// JavaScript numbers lose precision past 2^53. Integers are accepted as input.
#[Scalar(name = "BigInt")]
impl ScalarType for BigInt {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(s) => parse_amount(s).map(BigInt).map_err(InputValueError::custom),
            Value::Number(n) => n
                .as_i64()
                .filter(|n| *n >= 0)
                .map(BigInt)
                .ok_or_else(|| InputValueError::custom("must be a non-negative whole number")),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.to_string())
    }
}

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date(pub NaiveDate);

/// A calendar date, `YYYY-MM-DD` (ISO 8601), in Vietnam's calendar.
#[Scalar(name = "Date")]
impl ScalarType for Date {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .filter(|d| s.len() == 10 && crate::model::YEARS.contains(&d.year()))
                .map(Date)
                .ok_or_else(|| {
                    InputValueError::custom(format!(
                        "`{s}` is not a date like 2025-11-20 (years 1900 to 9999)"
                    ))
                }),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.format("%Y-%m-%d").to_string())
    }
}

/// An amount of money in whole units of a currency.
#[Object]
impl Money {
    /// The amount in whole units (VND has no minor unit), as a decimal string.
    async fn amount(&self) -> BigInt {
        BigInt(self.amount)
    }

    /// The currency.
    async fn currency(&self) -> Currency {
        self.currency
    }
}

/// An amount of money to store.
#[derive(Debug, Clone, Copy, InputObject)]
pub struct MoneyInput {
    /// The amount in whole units, as a decimal string such as `"5000000000"`.
    pub amount: BigInt,
    /// The currency.
    pub currency: Currency,
}

impl From<MoneyInput> for Money {
    fn from(m: MoneyInput) -> Self {
        Money {
            amount: m.amount.0,
            currency: m.currency,
        }
    }
}
