#include "load/placeholders.hpp"

#include <catch2/catch.hpp>

using namespace parkpress;

TEST_CASE("placeholders: each one left is an error at its line and column", "[load]") {
    const std::map<std::string, std::string> texts{
        {"parks/henan/a.toml", "# 占位用【】括起\nname = \"【待填写：园区全称】\"\nvalue = \"【待填写：数值】\" # x\n"},
        {"parks/henan/a.md", "概况：【待填写：园区概况，没有结尾\n"},
        {"parks/henan/b.toml", "name = \"待填写\"\n"},
    };
    core::Diagnostics diagnostics;
    load::check_placeholders(texts, diagnostics);
    diagnostics.sort();
    std::string out;
    for (const auto& d : diagnostics.all()) {
        out += core::format_diagnostic(d) + "\n";
    }
    CHECK(out == "parks/henan/a.md:1:4: error: placeholder 【待填写：园区概况，没有结尾 is not filled in: replace it, "
                 "brackets included, with the real value\n"
                 "parks/henan/a.toml:2:9: error: placeholder 【待填写：园区全称】 is not filled in: replace it, brackets "
                 "included, with the real value\n"
                 "parks/henan/a.toml:3:10: error: placeholder 【待填写：数值】 is not filled in: replace it, brackets "
                 "included, with the real value\n");
}
