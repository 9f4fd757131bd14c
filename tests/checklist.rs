//! Checklists readers can use: labelled checkboxes, "clear all", and
//! nothing stored on the device unless the publication opts in.

mod common;
use common::{Site, browser, cdp};
use serde_json::json;

const PAGE: &str = "en/checklist/before.html";

#[test]
fn checklist_items_are_labelled_checkboxes() {
    let site = Site::fixture("basic");
    site.build_ok();
    let p = site.page(PAGE);
    let boxes = p.select(".content input.task");
    assert_eq!(boxes.len(), 2);
    for b in &boxes {
        let id = b.value().attr("id").unwrap();
        assert!(
            b.value().attr("disabled").is_none(),
            "checklist boxes can be ticked"
        );
        let label = p.one(&format!("label[for='{id}']"));
        assert!(!label.text().collect::<String>().trim().is_empty());
    }
    // Ids come from the item text, so they survive edits elsewhere.
    assert_eq!(boxes[0].value().attr("id"), Some("task-plan-the-visit"));
    // No form state kept: a browser saves ticked boxes in its session
    // history (on disk) unless their form tells it not to.
    assert_eq!(
        p.select("form.checklist-form[autocomplete='off'] .content input.task")
            .len(),
        2
    );
    assert_eq!(p.attr(".content", "data-checklist"), "session");
    assert_eq!(p.select(".checklist-clear").len(), 1);
    // Outside checklists, task lists are shown but not tickable.
    let intro = site.page("en/handbook/intro.html");
    assert!(
        intro
            .select(".content input.task")
            .iter()
            .all(|b| b.value().attr("disabled").is_some())
    );
    assert!(intro.select(".checklist-clear").is_empty());
}

const SCRIPT: &str = r#"
var out = document.getElementById("result");
var frame = document.createElement("iframe");
frame.src = "PAGE";
document.body.appendChild(frame);
var step = 0, log = [];
frame.onload = function () {
  var d = frame.contentDocument, w = frame.contentWindow;
  var box = d.querySelector("input.task");
  if (step === 0) {
    // A keyboard user: focus the box and press Space.
    box.focus();
    box.click();
    log.push("ticked=" + box.checked);
    log.push("stored=" + w.localStorage.length);
    step = 1;
    w.location.reload();
  } else if (step === 1) {
    log.push("after-reload=" + box.checked);
    var clear = d.querySelector(".checklist-clear");
    log.push("clear-visible=" + !clear.hidden);
    clear.click();
    log.push("after-clear=" + box.checked + "," + w.localStorage.length);
    out.textContent = log.join(" ");
  }
};
"#;

fn run(site: &Site) -> Option<String> {
    let browser = browser::require()?;
    Some(browser::harness(
        &browser,
        &site.out(),
        &SCRIPT.replace("PAGE", PAGE),
    ))
}

#[test]
fn ticks_are_not_stored_by_default() {
    let site = Site::fixture("basic");
    site.build_ok();
    let Some(result) = run(&site) else { return };
    assert_eq!(
        result,
        "ticked=true stored=0 after-reload=false clear-visible=true after-clear=false,0"
    );
}

#[test]
fn ticks_survive_a_reload_when_the_publication_opts_in() {
    let site = Site::fixture("basic");
    site.write("guidance/checklist/index.en.md", "---\ntitle: Checklist\nkind: checklist\nchecklist: { remember: true }\n---\n\nTick as you go.\n");
    site.build_ok();
    assert_eq!(
        site.page(PAGE).attr(".content", "data-checklist"),
        "remember"
    );
    let Some(result) = run(&site) else { return };
    assert_eq!(
        result,
        "ticked=true stored=1 after-reload=true clear-visible=true after-clear=false,0"
    );
}

/// Ticks, leaves the page and comes back. Without the back-forward cache
/// (a browser may keep a page live in memory, which stays on the device
/// only while it runs), Back makes the page again from its history entry,
/// where a browser saves form state, and writes it to the profile's
/// session file, unless the boxes opt out.
#[test]
fn ticks_are_not_restored_from_the_browsers_history() {
    let site = Site::fixture("basic");
    site.build_ok();
    let Some(browser) = browser::require() else {
        return;
    };
    let mut page = cdp::Cdp::launch_with(&browser, &["--disable-features=BackForwardCache"]);
    let boxes = "[...document.querySelectorAll('input.task')]";
    page.navigate(&browser::file_url(&site.out().join(PAGE)));
    page.wait_until(&format!(
        "document.readyState === 'complete' && {boxes}.length === 2"
    ));
    page.eval(&format!("{boxes}.forEach(b => b.click()), true"));
    assert_eq!(
        page.eval(&format!("{boxes}.every(b => b.checked)")),
        json!(true)
    );
    page.navigate(&browser::file_url(
        &site.out().join("en/handbook/intro.html"),
    ));
    page.wait_until(
        "location.pathname.endsWith('intro.html') && document.readyState === 'complete'",
    );
    // Back runs after this evaluation has answered: navigating while the
    // evaluation is in flight makes the browser drop its answer.
    page.eval("setTimeout(() => history.back(), 0), true");
    page.wait_until(&format!(
        "location.pathname.endsWith('before.html') && document.readyState === 'complete' && {boxes}.length === 2"
    ));
    assert_eq!(
        page.eval(&format!("{boxes}.map(b => b.checked).join()")),
        json!("false,false")
    );
}
