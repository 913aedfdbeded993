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
