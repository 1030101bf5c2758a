//! What every case-model table tells the layers above it: its SSD name, its columns and their
//! kinds, its primary key and its foreign keys. Readers, writers and the store are written once
//! against this trait instead of once per table.

use serde::{de::DeserializeOwned, Serialize};

use crate::{Date, Id};

/// How a column is held in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Identifiers, codes, flags, free text and JSON.
    Text,
    /// ISO `YYYY-MM-DD`, which sorts and compares correctly as text in every database.
    Date,
    Integer,
    Decimal,
}

/// A column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub kind: ColumnKind,
    /// Whether the column may be empty.
    pub nullable: bool,
}

/// A foreign key: `column` holds a primary key of `table`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForeignKey {
    pub column: &'static str,
    pub table: &'static str,
}

/// A table of the case model, named and shaped as the Standard Safeguarding Dataset table.
pub trait Table: Serialize + DeserializeOwned + Clone + Send + Sync + 'static {
    /// The SSD table name, e.g. `ssd_contacts`.
    const NAME: &'static str;
    const COLUMNS: &'static [Column];
    /// Name of the primary-key column (always the first column).
    const KEY: &'static str;
    const FOREIGN_KEYS: &'static [ForeignKey];
    fn key(&self) -> &str;
    /// Calls `f(column, referenced_table, value)` for each foreign key that holds a value.
    fn for_each_reference(&self, f: &mut dyn FnMut(&'static str, &'static str, &str));
}

/// A type that can sit in a column.
pub trait Scalar {
    const KIND: ColumnKind;
}
impl<T> Scalar for Id<T> {
    const KIND: ColumnKind = ColumnKind::Text;
}
impl Scalar for Date {
    const KIND: ColumnKind = ColumnKind::Date;
}
impl Scalar for String {
    const KIND: ColumnKind = ColumnKind::Text;
}
impl Scalar for i64 {
    const KIND: ColumnKind = ColumnKind::Integer;
}
impl Scalar for f64 {
    const KIND: ColumnKind = ColumnKind::Decimal;
}

/// A column's Rust type: a scalar, or an optional scalar.
pub trait Field {
    const KIND: ColumnKind;
    const NULLABLE: bool;
}
impl<T: Scalar> Field for T {
    const KIND: ColumnKind = T::KIND;
    const NULLABLE: bool = false;
}
impl<T: Scalar> Field for Option<T> {
    const KIND: ColumnKind = T::KIND;
    const NULLABLE: bool = true;
}

/// A value that may refer to another row.
pub trait Reference {
    fn referenced(&self) -> Option<&str>;
}
impl<T> Reference for Id<T> {
    fn referenced(&self) -> Option<&str> {
        Some(self.as_str())
    }
}
impl<T> Reference for Option<Id<T>> {
    fn referenced(&self) -> Option<&str> {
        self.as_ref().map(|i| i.as_str())
    }
}

/// A JSON document held in one text column (the SSD's `*_json` columns), typed on both sides.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Json<T>(pub T);

impl<T> Scalar for Json<T> {
    const KIND: ColumnKind = ColumnKind::Text;
}
impl<T: Serialize> Serialize for Json<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let text = serde_json::to_string(&self.0).map_err(serde::ser::Error::custom)?;
        s.serialize_str(&text)
    }
}
impl<'de, T: DeserializeOwned> serde::Deserialize<'de> for Json<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        serde_json::from_str(&s)
            .map(Json)
            .map_err(|e| serde::de::Error::custom(format!("not valid JSON for this column: {e}")))
    }
}

/// Declares a case-model table: the struct (fields in SSD column order), its [`Table`] impl and
/// its foreign keys.
macro_rules! ssd_table {
    (
        $(#[$meta:meta])*
        $name:ident = $table:literal {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty ),+ $(,)?
        }
        $( references { $( $rfield:ident => $rtable:ident ),* $(,)? } )?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $ty ),+
        }

        impl $crate::table::Table for $name {
            const NAME: &'static str = $table;
            const COLUMNS: &'static [$crate::table::Column] = &[
                $( $crate::table::Column {
                    name: stringify!($field),
                    kind: <$ty as $crate::table::Field>::KIND,
                    nullable: <$ty as $crate::table::Field>::NULLABLE,
                } ),+
            ];
            const KEY: &'static str = $crate::table::first(&[$( stringify!($field) ),+]);
            const FOREIGN_KEYS: &'static [$crate::table::ForeignKey] = &[
                $( $( $crate::table::ForeignKey {
                    column: stringify!($rfield),
                    table: <$rtable as $crate::table::Table>::NAME,
                } ),* )?
            ];
            fn key(&self) -> &str {
                $crate::table::key_of!(self; $($field),+)
            }
            #[allow(unused_variables)]
            fn for_each_reference(&self, f: &mut dyn FnMut(&'static str, &'static str, &str)) {
                $( $(
                    if let Some(v) = $crate::table::Reference::referenced(&self.$rfield) {
                        f(stringify!($rfield), <$rtable as $crate::table::Table>::NAME, v);
                    }
                )* )?
            }
        }
    };
}
pub(crate) use ssd_table;

macro_rules! key_of {
    ($s:ident; $first:ident $(, $rest:ident)*) => {
        $s.$first.as_str()
    };
}
pub(crate) use key_of;

/// First element of a non-empty list, usable in a const.
pub const fn first(names: &[&'static str]) -> &'static str {
    names[0]
}
