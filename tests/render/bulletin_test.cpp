#include "compute/bulletin.hpp"
#include "load/content_loader.hpp"
#include "load/validate.hpp"
#include "render/bulletin.hpp"
#include "render/pandoc_ast.hpp"
#include "support/fixture.hpp"

#include <catch2/catch.hpp>

#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <fstream>
#include <sstream>

using namespace parkpress;
namespace pd = parkpress::render::pandoc;

namespace {
struct Loaded {
    load::LoadedContent content;
    compute::SiteIndex index;
};

Loaded load_dir(const std::filesystem::path& dir) {
    core::Diagnostics d;
    Loaded out{load::load_content(dir, d), {}};
    load::validate(out.content.model, d);
    REQUIRE_FALSE(d.has_errors());
    out.index = compute::build_index(out.content.model);
    return out;
}

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
} // namespace

TEST_CASE("pandoc: text becomes Str and Space; nothing else", "[render]") {
    const auto inl = pd::text("签约 金额\n103 亿元");
    REQUIRE(inl.size() == 7);
    CHECK(inl[0] == pd::Json{{"t", "Str"}, {"c", "签约"}});
    CHECK(inl[1] == pd::Json{{"t", "Space"}});
    CHECK(inl[6] == pd::Json{{"t", "Str"}, {"c", "亿元"}});
    CHECK(pd::text("  ").empty());
    // Backslashes and braces stay text: Pandoc's LaTeX writer escapes Str, so no TeX is made.
    CHECK(pd::text("\\input{/etc/passwd}")[0] == pd::Json{{"t", "Str"}, {"c", "\\input{/etc/passwd}"}});
}

TEST_CASE("pandoc: tables follow pandoc-types 1.22", "[render]") {
    const auto t = pd::table(pd::text("表"), {{pd::Align::right, 0.5}}, {pd::text("a")}, {{pd::text("1")}});
    CHECK(t["t"] == "Table");
    REQUIRE(t["c"].size() == 6);
    CHECK(t["c"][2][0][0]["t"] == "AlignRight");
    CHECK(t["c"][2][0][1] == pd::Json{{"t", "ColWidth"}, {"c", 0.5}});
    CHECK(t["c"][4][0][3][0][1][0][4][0]["c"][0]["c"] == "1");
}

TEST_CASE("bulletin: the latest figure not after the period, and older ones marked", "[compute]") {
    testing::SiteFixture site;
    site.set("parks/henan/zmd-zone.toml", R"(name = "驻马店示范区"
city = "驻马店市"
kind = "high-tech-zone"
level = "municipal"

[[facts]]
indicator = "signed_investment"
value = 5
unit = "亿元"
period = 2022
source = "zmd-2024"

[[facts]]
indicator = "signed_investment"
value = 9
unit = "亿元"
period = 2024
source = "zmd-2024"
)");
    site.check();
    auto loaded = load_dir(site.root());
    const auto& model = loaded.content.model;
    model::Bulletin b = model.bulletins.at(0);
    b.period = {2023, std::nullopt};
    const auto data = compute::compute_bulletin(model, loaded.index, b);
    REQUIRE(data.indicators.size() == 1);
    const auto& bi = data.indicators[0];
    REQUIRE(bi.facts.size() == 1); // the island has no actual of this indicator, only a target
    CHECK(bi.facts[0].entry.value == core::Decimal(5)); // 2024's figure is after the period
    CHECK(bi.facts[0].older);
    REQUIRE(bi.targets.size() == 1);
    CHECK(data.targets_by_year.at(2025).size() == 1);
    CHECK(data.source_number("zmd-2024") == 1);
    CHECK(data.provinces == std::vector<std::string>{"henan"});
}

TEST_CASE("bulletin: the document handed to Pandoc is a golden file", "[render][golden]") {
    auto loaded = load_dir(std::filesystem::path(PARKPRESS_FIXTURES) / "valid");
    const auto& model = loaded.content.model;
    REQUIRE_FALSE(model.bulletins.empty());
    const auto& b = model.bulletins.at(0);
    const auto data = compute::compute_bulletin(model, loaded.index, b);
    const auto sources = render::bulletin_pandoc(model, loaded.index, data);
    const auto golden = std::filesystem::path(PARKPRESS_FIXTURES) / "golden" / ("bulletin-" + b.id + ".json");
    if (const char* update = std::getenv("PARKPRESS_UPDATE_GOLDEN"); update != nullptr && std::string(update) == "1") {
        std::ofstream(golden, std::ios::binary) << sources.document;
    }
    INFO("regenerate with: PARKPRESS_UPDATE_GOLDEN=1 ctest -R golden");
    CHECK(sources.document == read(golden));
    CHECK(sources.document.find("RawBlock") == std::string::npos);
    CHECK(sources.document.find("RawInline") == std::string::npos);
    CHECK(sources.charts.size() >= 1);
    for (const auto& [name, svg] : sources.charts) {
        CHECK(sources.document.find(std::filesystem::path(name).replace_extension(".pdf").string()) != std::string::npos);
    }
}

TEST_CASE("bulletin: a hostile narrative reaches Pandoc only as text", "[render]") {
    testing::SiteFixture site;
    site.set("bulletins/2024-1.md", "\\input{/etc/passwd} \\write18{touch /tmp/x}\n\n```{=latex}\n\\input{/etc/shadow}\n```\n\n"
                                    "<div>raw</div>\n\n$$\\immediate\\write18{id}$$\n\n[x](javascript:alert(1))\n");
    site.check();
    auto loaded = load_dir(site.root());
    const auto data = compute::compute_bulletin(loaded.content.model, loaded.index, loaded.content.model.bulletins.at(0));
    const auto doc = pd::Json::parse(render::bulletin_pandoc(loaded.content.model, loaded.index, data).document);
    const std::string dump = doc.dump();
    CHECK(dump.find("RawBlock") == std::string::npos);
    CHECK(dump.find("RawInline") == std::string::npos);
    CHECK(dump.find("\"Math\"") == std::string::npos);
    CHECK(dump.find("javascript:") == std::string::npos);
    CHECK(dump.find("<div>") == std::string::npos);
    CHECK(dump.find("\\\\input{/etc/passwd}") != std::string::npos); // kept, as text
}

namespace {
/// How deep nodes of the given types nest in a Pandoc JSON value.
int nesting(const pd::Json& j, const std::set<std::string>& types) {
    int deepest = 0;
    if (j.is_object() || j.is_array()) {
        for (const auto& child : j) {
            deepest = std::max(deepest, nesting(child, types));
        }
    }
    if (j.is_object() && j.contains("t") && types.contains(j["t"].get<std::string>())) {
        return deepest + 1;
    }
    return deepest;
}

pd::Blocks blocks_of_markdown(const std::string& markdown) {
    cmark_node* root = cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT);
    auto blocks = pd::from_cmark(root, true);
    cmark_node_free(root);
    return blocks;
}
} // namespace

TEST_CASE("pandoc: nesting deeper than LaTeX allows is flattened, its text kept", "[render]") {
    std::string quotes;
    for (int i = 0; i < 1000; ++i) {
        quotes += "> ";
    }
    quotes += "最深处\n\n";
    std::string lists;
    for (int i = 0; i < 1000; ++i) {
        lists += std::string(static_cast<std::size_t>(2 * i), ' ') + "- 第" + std::to_string(i) + "层\n";
    }
    const std::string emphasis = std::string(3000, '*') + "文" + std::string(3000, '*') + "\n";
    const pd::Json doc(blocks_of_markdown(quotes + lists + "\n" + emphasis));
    const std::string dump = doc.dump();
    CHECK(nesting(doc, {"BlockQuote", "BulletList", "OrderedList"}) == 4);
    CHECK(nesting(doc, {"Emph", "Strong"}) == 16);
    CHECK(dump.find("最深处") != std::string::npos);
    CHECK(dump.find("第999层") != std::string::npos);
    CHECK(dump.find("文") != std::string::npos);
    // Shallow nesting is kept as it is.
    const pd::Json shallow(blocks_of_markdown("> - a\n>   - b\n\n***c***\n"));
    CHECK(nesting(shallow, {"BlockQuote", "BulletList", "OrderedList"}) == 3);
    CHECK(nesting(shallow, {"Emph", "Strong"}) == 2);
}

TEST_CASE("pandoc: runs too long for a TeX line are cut at character boundaries", "[render]") {
    std::string chinese;
    for (int i = 0; i < 6000; ++i) {
        chinese += "文"; // 18,000 bytes, no space
    }
    const auto inl = pd::text("前 " + chinese + " 后");
    std::string joined;
    int breaks = 0;
    for (const auto& i : inl) {
        if (i["t"] == "SoftBreak") {
            ++breaks;
        } else if (i["t"] == "Str") {
            const auto s = i["c"].get<std::string>();
            CHECK(s.size() <= 8000);
            CHECK(s.size() % 3 == 0); // whole characters only
            joined += s;
        }
    }
    CHECK(breaks == 2);
    CHECK(joined == "前" + chinese + "后");
    CHECK(inl.front() == pd::Json{{"t", "Str"}, {"c", "前"}});
    CHECK(inl[1] == pd::Json{{"t", "Space"}});

    const auto block = pd::code_block("short\n" + std::string(20000, 'x') + "\nend");
    const std::string code = block["c"][1].get<std::string>();
    CHECK(code == "short\n" + std::string(8000, 'x') + "\n" + std::string(8000, 'x') + "\n" + std::string(4000, 'x') + "\nend");
    CHECK(pd::code("ab") == pd::Json{{"t", "Code"}, {"c", pd::Json::array({pd::Json::array({"", pd::Json::array(), pd::Json::array()}), "ab"})}});
    const auto span = pd::code(std::string(9000, '`'));
    CHECK(span["t"] == "Span");
    CHECK(span["c"][1].size() == 3); // Code, SoftBreak, Code
}
