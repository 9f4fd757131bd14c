//! GitBook's blocks, `{% hint style="warning" %}`, `{% embed url="…" %}`,
//! `{% tabs %}`: a GitBook export keeps them in its Markdown, and they
//! look like Jekyll's template code, which the warning named instead of
//! saying what each becomes.

/// The warning and hint for a GitBook block's line `shown`; `None` for
/// other template code.
pub(super) fn words(shown: &str, more: &str) -> Option<(String, String)> {
    let inner = shown.strip_prefix("{%")?.trim_start();
    let name = inner
        .split(|c: char| c.is_whitespace() || c == '%')
        .next()
        .unwrap_or("");
    let hint = match name {
        "hint" | "endhint" => {
            let kind = match quoted(inner, "style=").unwrap_or("info") {
                "success" => "TIP",
                "warning" => "WARNING",
                "danger" => "CAUTION",
                _ => "NOTE",
            };
            format!(
                "write a callout: a line `> [!{kind}]` where `{{% hint %}}` is, `> ` before each line of its text, and delete the `{{% endhint %}}` line"
            )
        }
        "embed" => {
            let url = quoted(inner, "url=").unwrap_or("https://…");
            format!(
                "write a link whose words say what it shows, `[the training video]({url})`, and delete the `{{% endembed %}}` line if there is one: fieldguide embeds nothing from another site"
            )
        }
        "tabs" | "tab" | "endtab" | "endtabs" => "write each tab as a section, `### Phone` (its `title`) before its text, and delete the `{% tabs %}`, `{% tab %}` and `{% endtab %}` lines".to_string(),
        "content-ref" | "endcontent-ref" => "delete the `{% content-ref %}` and `{% endcontent-ref %}` lines: the link between them is an ordinary link".to_string(),
        "file" | "endfile" => {
            let src = quoted(inner, "src=").unwrap_or("form.pdf");
            format!(
                "write a link to the file, `[what it is]({src})`, and delete the `{{% endfile %}}` line; a file in `.gitbook/assets/` is never read: move it beside the page"
            )
        }
        "code" | "endcode" => "delete the `{% code %}` and `{% endcode %}` lines: the code block between them is shown as it is".to_string(),
        _ => return None,
    };
    Some((
        format!(
            "GitBook block `{shown}` is shown as text{more}: fieldguide does not run GitBook's blocks"
        ),
        hint,
    ))
}

/// The quoted value after `key` in `s`: `style="warning"` gives `warning`.
fn quoted<'s>(s: &'s str, key: &str) -> Option<&'s str> {
    let rest = &s[s.find(key)? + key.len()..];
    let q = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &rest[1..];
    Some(&rest[..rest.find(q)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gitbook_blocks_are_named_with_what_to_write() {
        let (msg, hint) = words("{% hint style=\"danger\" %}", "").unwrap();
        assert!(msg.starts_with("GitBook block"), "{msg}");
        assert!(hint.contains("`> [!CAUTION]`"), "{hint}");
        let (_, hint) = words("{% embed url=\"https://example.org/v\" %}", "").unwrap();
        assert!(hint.contains("(https://example.org/v)"), "{hint}");
        for other in [
            "{% include note.html %}",
            "{% link a.md %}",
            "{{< notice >}}",
        ] {
            assert!(words(other, "").is_none(), "{other}");
        }
    }
}
