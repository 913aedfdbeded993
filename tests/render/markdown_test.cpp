#include "render/markdown.hpp"

#include "load/references.hpp"

#include <catch2/catch.hpp>

using namespace parkpress;

namespace {
std::string html_of(const std::string& text) {
    core::Diagnostics d;
    model::Narrative n{"a.md", text, load::parse_references(text, "a.md", d)};
    const render::Resolver resolve = [](const model::Reference& ref) {
        return render::ResolvedReference{"≈103亿元（2023年）", "../../sources/index.html#s-" + ref.indicator, "来源"};
    };
    return render::NarrativeDocument(n, resolve).html();
}
} // namespace

TEST_CASE("markdown: references become links to their source", "[render]") {
    CHECK(html_of("签约{{fact signed}}。\n") ==
          "<p>签约<a href=\"../../sources/index.html#s-signed\" title=\"来源\">≈103亿元（2023年）</a>。</p>\n");
}

TEST_CASE("markdown: references in code and inside links stay plain text", "[render]") {
    CHECK(html_of("`{{fact x}}`\n") == "<p><code>≈103亿元（2023年）</code></p>\n");
    CHECK(html_of("[见{{fact x}}](https://example.org)\n") ==
          "<p><a href=\"https://example.org\">见≈103亿元（2023年）</a></p>\n");
}

TEST_CASE("markdown: a line break between Chinese characters is removed, other breaks kept", "[render]") {
    CHECK(html_of("第一行\n第二行\n") == "<p>第一行第二行</p>\n");
    CHECK(html_of("one\ntwo\n") == "<p>one\ntwo</p>\n");
    CHECK(html_of("中文\nEnglish\n") == "<p>中文\nEnglish</p>\n");
    CHECK(html_of("园区，\n“一区七园”\n") == "<p>园区，“一区七园”</p>\n");
}

TEST_CASE("markdown: raw HTML and unsafe links never reach the page", "[render]") {
    const std::string html = html_of("<script>alert(1)</script>\n\n段落<img src=x onerror=alert(1)>\n\n"
                                     "[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](vbscript:x) "
                                     "[f](file:///etc/passwd) [d](data:text/html,x) ![i](https://evil.example/t.png) "
                                     "[ok](https://example.org/a) [rel](../b/index.html)\n");
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("onerror") == std::string::npos);
    CHECK(html.find("javascript:") == std::string::npos);
    CHECK(html.find("JAVASCRIPT:") == std::string::npos);
    CHECK(html.find("vbscript:") == std::string::npos);
    CHECK(html.find("file:") == std::string::npos);
    CHECK(html.find("data:") == std::string::npos);
    CHECK(html.find("evil.example") == std::string::npos);
    CHECK(html.find("<a href=\"https://example.org/a\">ok</a>") != std::string::npos);
    CHECK(html.find("<a href=\"../b/index.html\">rel</a>") != std::string::npos);
}

TEST_CASE("markdown: headings move below the page title; tables and strikethrough work", "[render]") {
    CHECK(html_of("# 概况\n") == "<h2>概况</h2>\n");
    const std::string table = html_of("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~旧~~\n");
    CHECK(table.find("<table>") != std::string::npos);
    CHECK(table.find("<del>旧</del>") != std::string::npos);
}

TEST_CASE("markdown: placeholder characters typed in a narrative cannot forge references", "[render]") {
    CHECK(html_of("\xEE\x80\x80" "0" "\xEE\x80\x81" "文字\n") == "<p>0文字</p>\n");
}

TEST_CASE("markdown: safe link schemes", "[render]") {
    CHECK(render::is_safe_link("https://example.org"));
    CHECK(render::is_safe_link("mailto:a@example.org"));
    CHECK(render::is_safe_link("../a/index.html#x"));
    CHECK(render::is_safe_link("#top"));
    CHECK_FALSE(render::is_safe_link("java\tscript:alert(1)"));
    CHECK_FALSE(render::is_safe_link("file:///etc/passwd"));
    CHECK_FALSE(render::is_safe_link("data:image/png;base64,AAAA"));
}
