#include "render/templates.hpp"

#include <catch2/catch.hpp>

using namespace parkpress::render;

TEST_CASE("templates: html_escape escapes what kainjow's does, and only that", "[render][templates]") {
    for (const std::string text : {"", "plain", "<script>alert('x')</script>", "a & b \"c\" 'd' <e>", "&amp;",
                                   "高新区 <> 经开区", "'''", "trailing &", "< at start", "\xe2\x80\x9c中\xe2\x80\x9d"}) {
        CAPTURE(text);
        CHECK(html_escape(text) == kainjow::mustache::html_escape(text));
    }
    CHECK(html_escape("</title><script>") == "&lt;/title&gt;&lt;script&gt;");
}

TEST_CASE("templates: values are escaped, partials expanded, and sections repeat", "[render][templates]") {
    Theme theme;
    theme.templates["_cell"] = "<td>{{name}}</td>";
    theme.templates["page"] = "<table>{{#rows}}<tr>{{> _cell}}</tr>{{/rows}}</table>{{{raw}}}";
    const TemplateSet templates(theme);
    Data data;
    DataList rows;
    for (const std::string name : {"a<b", "{{x}}", "高新区"}) {
        Data row;
        put(row, "name", name);
        append(rows, std::move(row));
    }
    put(data, "rows", list_of(std::move(rows)));
    put(data, "raw", std::string("<svg></svg>"));
    CHECK(templates.render("page", data) ==
          "<table><tr><td>a&lt;b</td></tr><tr><td>{{x}}</td></tr><tr><td>高新区</td></tr></table><svg></svg>");
}

namespace {
/// A tree `depth` levels deep, each node with a leaf sibling after its subtree.
Data tree(int depth) {
    Data node;
    put(node, "name", "n" + std::to_string(depth) + "<");
    DataList children;
    if (depth > 0) {
        append(children, tree(depth - 1));
        Data leaf;
        put(leaf, "name", "leaf" + std::to_string(depth));
        put(leaf, "children", list_of(DataList())); // or {{#children}} would find its parent's
        append(children, std::move(leaf));
    }
    put(node, "children", list_of(std::move(children)));
    return node;
}

/// What kainjow's engine gives for `name`, its partials rendered by itself (parsed at each use).
std::string by_engine(const Theme& theme, const std::string& name, Data data) {
    kainjow::mustache::mustache tmpl(theme.templates.at(name));
    for (const auto& [partial, text] : theme.templates) {
        if (partial.starts_with("_")) {
            const std::string copy = text;
            data.set(partial, Data(kainjow::mustache::partial{[copy] { return copy; }}));
        }
    }
    return tmpl.render(data);
}
} // namespace

TEST_CASE("templates: a partial that includes itself renders as the engine renders it, at any depth",
          "[render][templates]") {
    Theme theme;
    theme.templates["_dot"] = "<b>{{name}}</b>";
    theme.templates["_tree"] = "<li>{{> _dot}}\n{{#children}}<ul>{{> _tree}}</ul>{{/children}}\n</li>\n";
    theme.templates["_twice"] = "[{{name}}{{#children}}{{> _twice}}{{/children}}|{{#children}}{{> _twice}}{{/children}}]";
    theme.templates["page"] = "<ul>\n{{#roots}}{{> _tree}}{{/roots}}</ul>\n";
    theme.templates["doubled"] = "{{#roots}}{{> _twice}}{{/roots}}";
    const TemplateSet templates(theme);
    for (const int depth : {0, 1, 5, 16, 17, 23, 24, 25, 40}) {
        CAPTURE(depth);
        Data data;
        DataList roots;
        append(roots, tree(depth));
        append(roots, tree(1));
        put(data, "roots", list_of(std::move(roots)));
        const std::string expected = by_engine(theme, "page", data);
        CHECK(expected.find("n0&lt;") != std::string::npos);
        CHECK(templates.render("page", data) == expected);
        if (depth <= 5) {
            CHECK(templates.render("doubled", data) == by_engine(theme, "doubled", data));
        }
    }
}
