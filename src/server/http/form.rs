//! Posted forms, read into types.
//!
//! `Posted<T>` reads a form post into `T`, a struct of strings named like the form's fields with
//! `#[serde(default)]`: a field that was not sent is empty, one sent twice keeps its last value
//! (as the browser's own order has it), and fields `T` does not name are left out. It never
//! refuses a form for what is in it or missing from it: what is wrong with a value is for the
//! handler to say beside its field, with everything typed still in place. Only a body that is
//! not a form at all is refused (as axum's `Form` refuses it).

use std::collections::HashMap;

use axum::extract::{FromRequest, Request};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::de::value::{Error as ValueError, MapDeserializer};
use serde::de::DeserializeOwned;

use crate::server::http::failure::{Cause, Failure};

/// A form post: its fields as `form`, and every pair as sent (for what travels with any form,
/// such as where the visitor came from).
pub struct Posted<T> {
    pub form: T,
    pub pairs: Vec<(String, String)>,
}

impl<T> Posted<T>
where
    T: DeserializeOwned,
{
    /// Reads `pairs` into `T`: the last value of each field.
    pub fn read(pairs: Vec<(String, String)>) -> Result<Self, ValueError> {
        let fields: HashMap<&str, &str> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let form = T::deserialize(MapDeserializer::new(fields.into_iter()))?;
        Ok(Posted { form, pairs })
    }
}

impl<T, S> FromRequest<S> for Posted<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Response> {
        let Form(pairs) =
            Form::<Vec<(String, String)>>::from_request(request, state).await.map_err(IntoResponse::into_response)?;
        // Only a field that is not a string could fail to read: a mistake in `T`, not the form's.
        Posted::read(pairs).map_err(|error| {
            Failure::failed(Cause::broken("reading a form into its type", error), "The form could not be read.")
                .into_response()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Default, Deserialize, PartialEq)]
    #[serde(default)]
    struct Login {
        email: String,
        password: String,
        next: String,
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn missing_fields_are_empty_repeated_ones_keep_the_last_and_others_are_left_out() {
        let posted = Posted::<Login>::read(pairs(&[
            ("email", "first@example.com"),
            ("utm_source", "news"),
            ("email", "last@example.com"),
            ("password", ""),
        ]))
        .unwrap();
        let expected = Login { email: "last@example.com".into(), password: String::new(), next: String::new() };
        assert_eq!(posted.form, expected);
        assert_eq!(posted.pairs.len(), 4, "every pair as sent stays available");
    }

    #[test]
    fn an_empty_form_reads_as_the_default() {
        assert_eq!(Posted::<Login>::read(Vec::new()).unwrap().form, Login::default());
    }

    #[test]
    fn any_text_at_all_is_read_as_it_was_typed() {
        let odd = "  <b>é\u{0}\u{202e}\r\n ";
        let posted = Posted::<Login>::read(pairs(&[("email", odd), ("next", "")])).unwrap();
        assert_eq!(posted.form.email, odd);
    }
}
