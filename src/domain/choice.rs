//! Enumerated values with stable string ids: the API contract for answers and options, and
//! how statuses, roles and other fixed sets are written to the database and to URLs.

/// A value of a fixed set with a stable string id.
pub trait Choice: Copy + 'static {
    /// The value's id.
    fn id(self) -> &'static str;
    /// The value with this id, if there is one.
    fn from_id(id: &str) -> Option<Self>;
}

/// Defines an enum whose variants have fixed string ids, with `ALL`, `as_str`, `parse` and serde.
macro_rules! choice_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $id:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order the guide offers them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value's id in the API and in URLs.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            /// The value with this id, if there is one.
            pub fn parse(id: &str) -> Option<Self> {
                match id { $($id => Some($name::$variant),)+ _ => None }
            }
        }

        impl $crate::domain::choice::Choice for $name {
            fn id(self) -> &'static str {
                self.as_str()
            }

            fn from_id(id: &str) -> Option<Self> {
                $name::parse(id)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let id = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                $name::parse(&id).ok_or_else(|| serde::de::Error::custom(format!("unknown value '{id}'")))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use choice_enum;
