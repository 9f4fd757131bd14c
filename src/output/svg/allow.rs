//! What an SVG may keep: elements, attributes and references, by name and
//! namespace. Anything not listed here is removed.

pub const SVG_NS: &str = "http://www.w3.org/2000/svg";
pub const XLINK_NS: &str = "http://www.w3.org/1999/xlink";
pub const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// What becomes of an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Element {
    Keep,
    /// A link: its content is kept, the link itself removed (no element of
    /// the picture may take the reader elsewhere or run `javascript:`).
    Unwrap,
    /// Removed with everything inside; reported.
    Drop,
    /// Removed with everything inside; not reported, because it never
    /// shows (metadata written by drawing programs).
    DropQuietly,
}

/// Elements that draw, group, or define paint, clips and filters. Left out
/// on purpose: `script`, `foreignObject` (HTML inside the picture), every
/// animation element (`animate`, `set`, … can rewrite any attribute,
/// `href` included, after the file is checked), `feImage` and `view`
/// (references), `iframe`, `object`, `handler`, `listener`.
#[rustfmt::skip]
const ELEMENTS: &[&str] = &[
    "svg", "g", "defs", "symbol", "use", "switch", "title", "desc", "style", "image", "path",
    "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern", "marker", "filter",
    "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
    "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood",
    "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode",
    "feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile",
    "feTurbulence",
];

/// Namespaces of drawing programs' private data (Inkscape, Sodipodi,
/// Illustrator, Sketch, Affinity, Figma, RDF licence metadata).
const EDITOR_NS: &[&str] = &[
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://creativecommons.org/ns#",
    "http://web.resource.org/cc/",
    "http://ns.adobe.com/",
    "http://www.bohemiancoding.com/sketch/ns",
    "http://www.serif.com/",
    "http://www.figma.com/figma/ns",
];

pub fn is_editor_ns(ns: &str) -> bool {
    EDITOR_NS
        .iter()
        .any(|e| ns == *e || (e.ends_with('/') && ns.starts_with(e)))
}

/// `svg_ns` says whether the element counts as SVG: in the SVG namespace,
/// or in none when the whole file forgot to declare it.
pub fn element(ns: Option<&str>, svg_ns: bool, name: &str) -> Element {
    if ns.is_some_and(is_editor_ns) {
        return Element::DropQuietly;
    }
    if !svg_ns {
        return Element::Drop;
    }
    match name {
        "a" => Element::Unwrap,
        "metadata" => Element::DropQuietly,
        _ if ELEMENTS.contains(&name) => Element::Keep,
        _ => Element::Drop,
    }
}

/// Geometry, structure and presentation attributes. None of them loads
/// anything except through `url(…)` in its value, which is checked apart.
/// Left out on purpose: every `on…` handler, `href` (checked apart),
/// animation timing and targets (`begin`, `attributeName`, `to`, …),
/// `xml:base`, `externalResourcesRequired`, `color-profile`.
#[rustfmt::skip]
const ATTRIBUTES: &[&str] = &[
    // structure and accessibility
    "id", "class", "style", "lang", "tabindex", "role", "focusable", "version", "baseProfile",
    "requiredFeatures", "requiredExtensions", "systemLanguage",
    // geometry
    "width", "height", "x", "y", "viewBox", "preserveAspectRatio", "transform", "x1", "y1", "x2",
    "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "d", "points", "pathLength", "dx", "dy",
    "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side",
    // paint servers, clips, masks, markers
    "offset", "gradientUnits", "gradientTransform", "spreadMethod", "patternUnits",
    "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits",
    "markerUnits", "markerWidth", "markerHeight", "refX", "refY", "orient",
    // filters
    "filterUnits", "primitiveUnits", "in", "in2", "result", "stdDeviation", "edgeMode", "mode",
    "type", "values", "operator", "k1", "k2", "k3", "k4", "radius", "tableValues", "slope",
    "intercept", "amplitude", "exponent", "scale", "xChannelSelector", "yChannelSelector",
    "baseFrequency", "numOctaves", "seed", "stitchTiles", "order", "kernelMatrix", "divisor",
    "bias", "targetX", "targetY", "preserveAlpha", "kernelUnitLength", "surfaceScale",
    "diffuseConstant", "specularConstant", "specularExponent", "azimuth", "elevation", "pointsAtX",
    "pointsAtY", "pointsAtZ", "limitingConeAngle", "z",
    // style sheets
    "media", "title",
    // presentation
    "alignment-baseline", "baseline-shift", "clip", "clip-path", "clip-rule", "color",
    "color-interpolation", "color-interpolation-filters", "color-rendering", "cursor", "direction",
    "display", "dominant-baseline", "enable-background", "fill", "fill-opacity", "fill-rule",
    "filter", "flood-color", "flood-opacity", "font", "font-family", "font-size",
    "font-size-adjust", "font-stretch", "font-style", "font-variant", "font-weight",
    "glyph-orientation-horizontal", "glyph-orientation-vertical", "image-rendering", "isolation",
    "kerning", "letter-spacing", "lighting-color", "marker", "marker-start", "marker-mid",
    "marker-end", "mask", "mask-type", "mix-blend-mode", "opacity", "overflow", "paint-order",
    "pointer-events", "shape-rendering", "stop-color", "stop-opacity", "stroke", "stroke-dasharray",
    "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-opacity",
    "stroke-width", "text-anchor", "text-decoration", "text-rendering", "transform-origin",
    "unicode-bidi", "vector-effect", "visibility", "white-space", "word-spacing", "writing-mode",
];

/// What becomes of an attribute, before its value is looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attribute {
    Keep,
    /// A reference (`href`, `xlink:href`): kept only if it stays inside the
    /// file (`#id`), or is a raster image embedded in an `<image>`.
    Reference,
    Drop,
    /// Editors' private data and `data-*`: never shown, not reported.
    DropQuietly,
}

pub fn attribute(ns: Option<&str>, name: &str) -> Attribute {
    match ns {
        None if name == "href" => Attribute::Reference,
        None if ATTRIBUTES.contains(&name) || name.starts_with("aria-") => Attribute::Keep,
        None if name.starts_with("data-") => Attribute::DropQuietly,
        Some(XLINK_NS) if name == "href" => Attribute::Reference,
        Some(XML_NS) if name == "lang" || name == "space" => Attribute::Keep,
        Some(ns) if is_editor_ns(ns) => Attribute::DropQuietly,
        _ => Attribute::Drop,
    }
}

/// Attributes whose value is text for people, never parsed as CSS.
pub fn is_prose(name: &str) -> bool {
    name.starts_with("aria-") || name == "title"
}

/// Elements whose `href` may point at another element of the same file.
pub fn takes_local_reference(element: &str) -> bool {
    matches!(
        element,
        "use" | "linearGradient" | "radialGradient" | "pattern" | "textPath" | "filter"
    )
}

/// A reference to an element of the same file: `#id`.
pub fn is_local_reference(value: &str) -> bool {
    value.trim_matches(is_xml_space).starts_with('#')
}

/// A raster image embedded in the file. PNG, JPEG, GIF, WebP and AVIF
/// decoders run no script and fetch nothing; an embedded SVG or HTML would
/// be a second document the sanitiser never saw, so it is not accepted.
pub fn is_embedded_raster(value: &str) -> bool {
    let v = value.trim_matches(is_xml_space);
    let Some((head, data)) = v.split_once(',') else {
        return false;
    };
    let head = head.to_ascii_lowercase();
    let kinds = ["png", "jpeg", "jpg", "gif", "webp", "avif"];
    kinds
        .iter()
        .any(|k| head == format!("data:image/{k};base64"))
        && data.bytes().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(c, b'+' | b'/' | b'=' | b' ' | b'\n' | b'\r' | b'\t')
        })
}

pub fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements() {
        assert_eq!(element(Some(SVG_NS), true, "rect"), Element::Keep);
        assert_eq!(element(Some(SVG_NS), true, "script"), Element::Drop);
        assert_eq!(element(Some(SVG_NS), true, "Script"), Element::Drop);
        assert_eq!(element(Some(SVG_NS), true, "foreignObject"), Element::Drop);
        assert_eq!(element(Some(SVG_NS), true, "animate"), Element::Drop);
        assert_eq!(element(Some(SVG_NS), true, "set"), Element::Drop);
        assert_eq!(element(Some(SVG_NS), true, "feImage"), Element::Drop);
        assert_eq!(element(Some(SVG_NS), true, "a"), Element::Unwrap);
        assert_eq!(
            element(Some(SVG_NS), true, "metadata"),
            Element::DropQuietly
        );
        // A `rect` in another namespace is not a rectangle.
        assert_eq!(element(Some("urn:x"), false, "rect"), Element::Drop);
        assert_eq!(
            element(Some("http://www.w3.org/1999/xhtml"), false, "script"),
            Element::Drop
        );
        assert_eq!(
            element(Some("http://ns.adobe.com/SaveForWeb/1.0/"), false, "sfw"),
            Element::DropQuietly
        );
        assert_eq!(
            element(
                Some("http://www.inkscape.org/namespaces/inkscape"),
                false,
                "page"
            ),
            Element::DropQuietly
        );
    }

    #[test]
    fn attributes() {
        assert_eq!(attribute(None, "fill"), Attribute::Keep);
        assert_eq!(attribute(None, "aria-label"), Attribute::Keep);
        assert_eq!(attribute(None, "onload"), Attribute::Drop);
        assert_eq!(attribute(None, "ONLOAD"), Attribute::Drop);
        assert_eq!(attribute(None, "href"), Attribute::Reference);
        assert_eq!(attribute(Some(XLINK_NS), "href"), Attribute::Reference);
        assert_eq!(attribute(Some(XLINK_NS), "title"), Attribute::Drop);
        assert_eq!(attribute(Some(XML_NS), "lang"), Attribute::Keep);
        assert_eq!(attribute(Some(XML_NS), "base"), Attribute::Drop);
        // `fill` in a foreign namespace is not SVG's `fill`.
        assert_eq!(attribute(Some("urn:x"), "fill"), Attribute::Drop);
        assert_eq!(attribute(None, "data-name"), Attribute::DropQuietly);
        assert_eq!(attribute(None, "attributeName"), Attribute::Drop);
        assert_eq!(
            attribute(
                Some("http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"),
                "type"
            ),
            Attribute::DropQuietly
        );
    }

    #[test]
    fn references() {
        assert!(is_local_reference("#a"));
        assert!(is_local_reference(" \n#a"));
        assert!(!is_local_reference("javascript:alert(1)"));
        assert!(!is_local_reference("other.svg#a"));
        assert!(!is_local_reference("\u{1}#a"));
        assert!(!is_local_reference(""));
        assert!(is_embedded_raster("data:image/png;base64,iVBORw0KGgo="));
        assert!(is_embedded_raster(
            "DATA:IMAGE/JPEG;BASE64,/9j/4AAQ\n  SkZJRg=="
        ));
        assert!(!is_embedded_raster("data:image/svg+xml;base64,PHN2Zz4="));
        assert!(!is_embedded_raster("data:image/png,<svg onload=x>"));
        assert!(!is_embedded_raster("data:text/html;base64,PHNjcmlwdD4="));
        assert!(!is_embedded_raster("http://example.org/a.png"));
        assert!(!is_embedded_raster("photo.png"));
    }
}
