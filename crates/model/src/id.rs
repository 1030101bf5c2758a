//! Typed identifiers: a person id cannot be passed where a referral id is expected.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

/// The SSD allows identifiers up to `NVARCHAR(48)`.
pub const MAX_ID_LEN: usize = 48;

/// An identifier of a row in table `T` (non-empty, at most 48 characters, no control characters).
pub struct Id<T> {
    value: Box<str>,
    _table: PhantomData<fn() -> T>,
}

/// A string that cannot be an identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{value}` is not an identifier ({why})")]
pub struct BadId {
    pub value: String,
    pub why: &'static str,
}

impl<T> Id<T> {
    pub fn new(value: impl AsRef<str>) -> Result<Self, BadId> {
        let v = value.as_ref().trim();
        let bad = |why| BadId {
            value: value.as_ref().to_string(),
            why,
        };
        if v.is_empty() {
            return Err(bad("it is empty"));
        }
        if v.chars().count() > MAX_ID_LEN {
            return Err(bad("it is longer than 48 characters"));
        }
        if v.chars().any(char::is_control) {
            return Err(bad("it contains control characters"));
        }
        Ok(Id {
            value: v.into(),
            _table: PhantomData,
        })
    }
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

impl<T> Clone for Id<T> {
    fn clone(&self) -> Self {
        Id {
            value: self.value.clone(),
            _table: PhantomData,
        }
    }
}
impl<T> PartialEq for Id<T> {
    fn eq(&self, o: &Self) -> bool {
        self.value == o.value
    }
}
impl<T> Eq for Id<T> {}
impl<T> PartialOrd for Id<T> {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl<T> Ord for Id<T> {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        self.value.cmp(&o.value)
    }
}
impl<T> Hash for Id<T> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.value.hash(h)
    }
}
impl<T> fmt::Debug for Id<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.value)
    }
}
impl<T> fmt::Display for Id<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}
impl<T> std::str::FromStr for Id<T> {
    type Err = BadId;
    fn from_str(s: &str) -> Result<Self, BadId> {
        Id::new(s)
    }
}
impl<T> serde::Serialize for Id<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.value)
    }
}
impl<'de, T> serde::Deserialize<'de> for Id<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        Id::new(&*s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    struct X;

    #[test]
    fn rejects_empty_long_and_control() {
        assert!(Id::<X>::new("").is_err());
        assert!(Id::<X>::new("   ").is_err());
        assert!(Id::<X>::new("a".repeat(49)).is_err());
        assert!(Id::<X>::new("a\u{0}b").is_err());
        assert_eq!(Id::<X>::new(" P123 ").unwrap().as_str(), "P123");
    }
}
