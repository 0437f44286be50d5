//! The site in every language: Spanish under `/es/`, English at the root, each page naming the
//! other, and nothing chosen from the browser's `Accept-Language`.

use crate::helpers::{spawn_app, spawn_app_with};

/// The text between `<title>` and `</title>`.
fn title(html: &str) -> &str {
    html.split("<title>").nth(1).and_then(|t| t.split("</title>").next()).unwrap()
}

#[tokio::test]
async fn every_public_page_has_a_spanish_twin_under_es() {
    let app = spawn_app_with(&[("ARCHGUIDE_PUBLIC_URL", "https://guide.example.com")]).await;
    for (path, english) in [
        ("/", "Microservices or serverless?"),
        ("/learn", "Microservices and serverless, explained"),
        ("/privacy", "Privacy"),
    ] {
        let spanish_path = if path == "/" { "/es/".to_string() } else { format!("/es{path}") };
        let response = app.get(&spanish_path).await;
        assert_eq!(response.status(), 200, "{spanish_path}");
        let html = response.text().await.unwrap();
        assert!(html.contains(r#"<html lang="es""#), "{spanish_path}");
        assert!(!title(&html).contains(english), "{spanish_path}: {}", title(&html));
        assert!(html.contains(r#"hreflang="en""#) && html.contains(r#"hreflang="es""#), "{spanish_path}");
        assert!(html.contains(r#"hreflang="x-default""#), "{spanish_path}");
        // The canonical address is the Spanish one; links lead on in Spanish.
        let canonical = html.split("<link").find(|tag| tag.contains(r#"rel="canonical""#)).unwrap();
        assert!(canonical.contains(&format!(r#"href="https://guide.example.com{spanish_path}""#)), "{canonical}");
        assert!(html.contains(r#"href="/es/guide""#), "{spanish_path}");
        assert!(!html.contains(r#"href="/guide""#), "{spanish_path} links to an English page");
        let english_html = app.get(path).await.text().await.unwrap();
        assert!(title(&english_html).contains(english), "{path}");
    }
    let home = app.get("/es/").await.text().await.unwrap();
    assert!(home.contains("¿Microservicios o serverless? Responden a preguntas distintas."));
    assert!(home.contains("te respondemos en menos de 24 horas"));
}

#[tokio::test]
async fn the_language_switch_leads_to_the_same_page_with_the_same_answers() {
    let app = spawn_app().await;
    let english = app.get("/learn").await.text().await.unwrap();
    assert!(english.contains(r#"href="/es/learn" hreflang="es" lang="es""#), "{english}");
    let spanish = app.get("/es/learn").await.text().await.unwrap();
    assert!(spanish.contains(r#"href="/learn" hreflang="en" lang="en""#));
    // Without the renderer's text markers (`<!>`), which some builds put around dynamic text.
    assert!(spanish.replace("<!>", "").contains(">English</a>"));
    // The guide keeps its answers in the address: switching keeps them, tags carried once.
    let guide = app.get("/guide?step=2&stage=mvp&utm_source=news").await.text().await.unwrap();
    assert!(guide.contains(r#"href="/es/guide?step=2&amp;stage=mvp&amp;utm_source=news""#), "{guide}");
}

#[tokio::test]
async fn es_alone_goes_to_es_slash_and_other_paths_under_it_are_not_found_in_spanish() {
    let app = spawn_app().await;
    let response = app.get("/es?utm_source=x").await;
    assert_eq!(response.status(), 308);
    assert_eq!(response.headers()["location"], "/es/?utm_source=x");
    assert_eq!(response.headers()["x-content-type-options"], "nosniff", "the redirect carries the security headers");

    for path in ["/es/inbox", "/es/api/v1/questions", "/es/nothing-here"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        let html = response.text().await.unwrap();
        assert!(html.contains("Esta página no existe"), "{path}");
        assert!(html.contains(r#"<html lang="es""#), "{path}");
    }
    // A language the site does not have is just an unknown path.
    let response = app.get("/fr/learn").await;
    assert_eq!(response.status(), 404);
    assert!(response.text().await.unwrap().contains("This page does not exist"));
}

#[tokio::test]
async fn the_browser_language_chooses_nothing() {
    let app = spawn_app().await;
    let url = format!("{}/learn", app.address);
    let response = app.client.get(&url).header("accept-language", "es-ES,es;q=0.9").send().await.unwrap();
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"<html lang="en""#));
}

#[tokio::test]
async fn each_language_of_a_page_is_cached_on_its_own() {
    let app = spawn_app().await;
    for _ in 0..2 {
        let english = app.get("/privacy").await.text().await.unwrap();
        let spanish = app.get("/es/privacy").await.text().await.unwrap();
        assert!(english.contains(r#"<html lang="en""#));
        assert!(spanish.contains(r#"<html lang="es""#));
    }
}

#[tokio::test]
async fn the_sitemap_names_every_page_in_every_language() {
    let app = spawn_app_with(&[("ARCHGUIDE_PUBLIC_URL", "https://guide.example.com")]).await;
    let xml = app.get("/sitemap.xml").await.text().await.unwrap();
    for path in ["/", "/learn", "/learn/cases", "/guide", "/contact", "/privacy"] {
        let spanish = if path == "/" { "/es/".to_string() } else { format!("/es{path}") };
        assert!(xml.contains(&format!("<loc>https://guide.example.com{spanish}</loc>")), "{spanish}");
        assert!(xml.contains(&format!(
            r#"<xhtml:link rel="alternate" hreflang="es" href="https://guide.example.com{spanish}"/>"#
        )));
    }
    assert_eq!(xml.matches("<url>").count(), 12);
}

/// Posts a form without following the answer's redirect, and gives where it leads.
async fn posted_to(app: &crate::helpers::TestApp, path: &str, form: &[(&str, &str)]) -> String {
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let response = client.post(format!("{}{path}", app.address)).form(form).send().await.unwrap();
    assert_eq!(response.status(), 303, "{path}");
    response.headers()["location"].to_str().unwrap().to_string()
}

/// Everything between the page's `<main>` and `</main>`, without tags: what a visitor reads.
fn main_text(html: &str) -> String {
    let main = html.split("<main").nth(1).and_then(|m| m.split("</main>").next()).unwrap_or(html);
    let mut text = String::new();
    let mut in_tag = false;
    for c in main.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn the_guide_finished_in_spanish_leads_to_a_spanish_result() {
    let app = spawn_app().await;
    let form = [
        ("stage", "mvp"),
        ("engineers", "3"),
        ("teams", "1"),
        ("load_shape", "spiky"),
        ("independent_releases", "yes"),
    ];
    let location = posted_to(&app, "/es/guide/result", &form).await;
    assert!(location.starts_with("/es/guide/result/"), "{location}");
    let html = app.get(&location).await.text().await.unwrap();
    assert!(html.contains(r#"<html lang="es""#));
    let text = main_text(&html);
    for spanish in
        ["Construye un monolito", "Cómo organizarlo", "Cómo ejecutarlo", "Por qué", "Siguientes pasos", "Supuestos"]
    {
        assert!(text.contains(spanish), "{spanish}: {text}");
    }
    // The tension between the wish and the single team, in the visitor's Spanish words.
    assert!(text.contains("partes que se publican por su cuenta: sí"), "{text}");
    for english in ["How to organise", "Next steps", "requests a month", "Watch out", " the ", " and "] {
        assert!(!text.contains(english), "English left on the Spanish result: {english:?} in {text}");
    }
    // The same result in English, at the same id.
    let english = app.get(location.strip_prefix("/es").unwrap()).await.text().await.unwrap();
    assert!(main_text(&english).contains("Build a monolith"));
}

#[tokio::test]
async fn the_api_answers_in_the_language_asked_for_with_the_same_ids() {
    let app = spawn_app().await;
    let url = format!("{}/api/v1/recommendation", app.address);
    let body = r#"{"stage":"idea","engineers":2}"#;
    let ask = |language: Option<&'static str>, query: &'static str| {
        let mut request = app.client.post(format!("{url}{query}")).header("content-type", "application/json");
        if let Some(language) = language {
            request = request.header("accept-language", language);
        }
        request.body(body).send()
    };
    let english = ask(None, "").await.unwrap();
    assert_eq!(english.headers()["content-language"], "en");
    let english: serde_json::Value = english.json().await.unwrap();
    let spanish = ask(Some("es-MX,es;q=0.9,en;q=0.5"), "").await.unwrap();
    assert_eq!(spanish.headers()["content-language"], "es");
    assert!(spanish.headers().get_all("vary").iter().any(|v| v.to_str().unwrap().contains("accept-language")));
    let spanish: serde_json::Value = spanish.json().await.unwrap();
    assert_eq!(english["organisation"]["choice"], spanish["organisation"]["choice"]);
    assert_eq!(english["organisation"]["scores"], spanish["organisation"]["scores"]);
    let text = |v: &serde_json::Value| v["organisation"]["reasons"][0]["text"].as_str().unwrap().to_string();
    assert!(text(&english).starts_with("At the idea stage"), "{}", text(&english));
    assert!(text(&spanish).starts_with("En la fase de idea"), "{}", text(&spanish));
    // `?lang=` wins over the header; a language the guide lacks is a field error.
    let chosen: serde_json::Value = ask(Some("es"), "?lang=en").await.unwrap().json().await.unwrap();
    assert_eq!(text(&chosen), text(&english));
    let unknown = ask(None, "?lang=fr").await.unwrap();
    assert_eq!(unknown.status(), 422);
    let errors: serde_json::Value = unknown.json().await.unwrap();
    assert_eq!(errors[0]["field"], "lang");
    for twice in ["/api/v1/questions?lang=es&lang=es", "/api/v1/questions?lang=null"] {
        let response = app.get(twice).await;
        assert_eq!(response.status(), 422, "{twice}");
        let errors: serde_json::Value = response.json().await.unwrap();
        assert_eq!(errors[0]["field"], "lang", "{twice}");
    }
    // Problems with answers, in Spanish.
    let bad = app
        .client
        .post(format!("{url}?lang=es"))
        .header("content-type", "application/json")
        .body(r#"{"engineers":"many"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    let errors: serde_json::Value = bad.json().await.unwrap();
    assert_eq!(errors[0]["message"], "debe ser un número (se recibió un texto)");

    // Your own servers are named in the language too (cloud products keep their names).
    let own: serde_json::Value = app
        .client
        .post(format!("{url}?lang=es"))
        .header("content-type", "application/json")
        .body(r#"{"portability":"required"}"#)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let products = &own["cost"]["assumptions"]["products"];
    assert_eq!(products["virtual_machines"], "tus propios servidores");
    assert_eq!(products["kubernetes"], "Kubernetes en tus propios servidores");
    assert_eq!(products["functions"], "AWS Lambda (x86)");
    assert!(own["cost"]["assumptions"]["sources"]["virtual_machines"]["source"]
        .as_str()
        .unwrap()
        .starts_with("Supuestos"));

    let questions: serde_json::Value = app.get("/api/v1/questions?lang=es").await.json().await.unwrap();
    assert_eq!(questions["steps"][0], "Tu producto");
    let stage = &questions["questions"][0];
    assert_eq!(stage["id"], "stage");
    assert_eq!(stage["text"], "¿En qué punto está el producto hoy?");
    assert_eq!(stage["input"]["options"][0]["value"], "idea");
    assert_eq!(stage["input"]["options"][0]["label"], "Una idea");
}

#[tokio::test]
async fn a_result_stored_with_english_words_reads_in_spanish_when_the_same_model_gives_it_again() {
    let app = spawn_app().await;
    let form = [("stage", "growth"), ("engineers", "25"), ("teams", "4")];
    let mut ids = Vec::new();
    for _ in 0..2 {
        let location = posted_to(&app, "/guide/result", &form).await;
        ids.push(location.rsplit('/').next().unwrap().to_string());
    }
    let (id, other) = (&ids[0], &ids[1]);
    // As the site stored results before texts had ids: every text in English words.
    let english: serde_json::Value = app
        .client
        .post(format!("{}/api/v1/recommendation", app.address))
        .header("content-type", "application/json")
        .body(r#"{"stage":"growth","engineers":25,"teams":4}"#)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let pool = app.db().await;
    sqlx::query("UPDATE guide_results SET recommendation = ? WHERE id = ?")
        .bind(english.to_string())
        .bind(id)
        .execute(&pool)
        .await
        .unwrap();
    let spanish = main_text(&app.get(&format!("/es/guide/result/{id}")).await.text().await.unwrap());
    assert!(spanish.contains("Siguientes pasos") && spanish.contains("Con 25 ingenieros"), "{spanish}");
    // A stored result the current model would not give again is shown as stored.
    let mut changed = english.clone();
    changed["organisation"]["scores"]["monolith"] = serde_json::json!(1);
    sqlx::query("UPDATE guide_results SET recommendation = ? WHERE id = ?")
        .bind(changed.to_string())
        .bind(other)
        .execute(&pool)
        .await
        .unwrap();
    let as_stored = main_text(&app.get(&format!("/es/guide/result/{other}")).await.text().await.unwrap());
    assert!(as_stored.contains("With 25 engineers"), "{as_stored}");
}

#[tokio::test]
async fn a_lead_sent_in_spanish_is_thanked_in_spanish_and_shown_to_staff_with_its_language() {
    use archguide::domain::staff::Role;
    let (smtp, _mail) = crate::outbox::smtp_sink().await;
    let app = spawn_app_with(&[
        ("ARCHGUIDE_SMTP_URL", smtp.as_str()),
        ("ARCHGUIDE_NOTIFY_EMAIL_TO", "sales@example.com"),
        ("ARCHGUIDE_NOTIFY_EMAIL_FROM", "guide@example.com"),
    ])
    .await;
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let form_page = client.get(format!("{}/es/contact", app.address)).send().await.unwrap().text().await.unwrap();
    assert!(form_page.contains("Cuéntanos qué estás construyendo") && form_page.contains("Correo de trabajo"));
    assert!(form_page.contains(r#"action="/es/contact""#));
    let token = form_page.split(r#"name="token" value=""#).nth(1).unwrap().split('"').next().unwrap().to_string();
    // A faulty form comes back in Spanish, values kept.
    let bad = [("token", token.as_str()), ("name", "Lucía"), ("email", "no-es-un-correo"), ("message", "Hola")];
    let response = client.post(format!("{}/es/contact", app.address)).form(&bad).send().await.unwrap();
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"<html lang="es""#));
    assert!(html.contains("Esto no parece una dirección de correo"), "{html}");
    assert!(html.contains("Acepta, por favor"), "the consent box's message");
    assert!(html.contains(r#"value="Lucía""#));

    let good = [
        ("token", token.as_str()),
        ("name", "Lucía Pérez"),
        ("email", "lucia@example.com"),
        ("message", "Queremos migrar un monolito."),
        ("consent", "yes"),
    ];
    let location = posted_to(&app, "/es/contact", &good).await;
    assert!(location.starts_with("/es/contact/thanks?ref="), "{location}");
    let thanks = main_text(&app.get(&location).await.text().await.unwrap());
    assert!(thanks.contains("Gracias, tu mensaje nos ha llegado"), "{thanks}");
    assert!(thanks.contains("Un ingeniero sénior te responderá antes del"), "{thanks}");
    assert!(thanks.contains(" de 20") && thanks.contains("UTC, en menos de 24 horas"), "a date in Spanish: {thanks}");

    app.add_staff("sales@example.com", Role::Admin, "correct horse battery staple").await;
    let staff = app.login("sales@example.com", "correct horse battery staple").await;
    let reference = location.split("ref=").nth(1).unwrap().split('&').next().unwrap();
    let lead = app.get_as(&staff, &format!("/inbox/leads/{reference}")).await.text().await.unwrap();
    assert!(lead.contains("Español (es)"), "the inbox shows the lead's language");
    assert!(
        lead.contains("Re: tu mensaje a AxiomTech") && lead.contains("Hola, Lucía Pérez:"),
        "the reply starts in Spanish"
    );
    let csv = app.get_as(&staff, "/inbox/export.csv").await.text().await.unwrap();
    assert!(csv.lines().nth(1).unwrap().ends_with(",es,"), "no call booked: {csv}");
}
