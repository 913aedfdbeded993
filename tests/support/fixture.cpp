#include "support/fixture.hpp"

#include "load/validate.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace parkpress::testing {
namespace fs = std::filesystem;

const std::map<std::string, std::string>& base_files() {
    static const std::map<std::string, std::string> files{
        {"site.toml", R"(title = "测试园区观察"
language = "zh-CN"
base_url = "https://example.org/parks/"

[kinds]
smart-island = { name = "智慧岛", name_en = "Smart island" }
high-tech-zone = { name = "高新区" }
)"},
        {"indicators.toml", R"([signed_investment]
name = "签约金额"
dimension = "money"
unit = "亿元"
basis = "annual"
better = "higher"

[land_area]
name = "占地面积"
dimension = "area"
unit = "亩"
basis = "stock"
better = "none"

[projects_signed]
name = "签约项目数"
dimension = "count"
unit = "个"
basis = "annual"
better = "higher"
)"},
        {"sources.toml", R"([zmd-2024]
title = "驻马店智慧岛建设"
publisher = "驻马店网"
date = 2024-02-29
)"},
        {"provinces/henan.toml", R"(name = "河南省"
short = "河南"
name_en = "Henan"
code = 410000
)"},
        {"parks/henan/zmd-zone.toml", R"(name = "驻马店示范区"
city = "驻马店市"
kind = "high-tech-zone"
level = "municipal"

[[facts]]
indicator = "signed_investment"
value = 103
unit = "亿元"
qualifier = "about"
period = 2023
source = "zmd-2024"
)"},
        {"parks/henan/zmd-island.toml", R"(name = "驻马店智慧岛"
city = "驻马店市"
kind = "smart-island"
level = "municipal"
parent = "zmd-zone"
area = { value = 1000, unit = "亩", source = "zmd-2024" }

[[facts]]
indicator = "projects_signed"
value = 18
unit = "个"
period = 2023
source = "zmd-2024"

[[facts]]
indicator = "land_area"
value = 1000
unit = "亩"
period = 2024-02-29
source = "zmd-2024"

[[targets]]
indicator = "signed_investment"
value = 50
unit = "亿元"
by = 2025
source = "zmd-2024"

[[ranks]]
system = "智慧岛评价"
cohort = "第二批"
rank = 2
of = 8
period = "2023"
source = "zmd-2024"
)"},
        {"parks/henan/zmd-island.md", "智慧岛引进项目{{fact projects_signed}}，示范区签约{{fact zmd-zone signed_investment}}。\n"
                                      "目标：{{target signed_investment}}。\n"},
        {"bulletins/2024-1.toml", R"(title = "测试通报"
number = "2024年第1期"
date = 2024-03-31
indicators = ["signed_investment"]
period = 2023
)"},
    };
    return files;
}

SiteFixture::SiteFixture() : m_files(base_files()) {
    std::string pattern = (fs::temp_directory_path() / "parkpress-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("mkdtemp failed");
    }
    m_root = pattern;
}

SiteFixture::~SiteFixture() {
    std::error_code ec;
    fs::remove_all(m_root, ec);
}

SiteFixture& SiteFixture::set(const std::string& path, const std::string& text) {
    m_files[path] = text;
    return *this;
}

SiteFixture& SiteFixture::remove(const std::string& path) {
    m_files.erase(path);
    return *this;
}

void SiteFixture::write_all() {
    fs::remove_all(m_root);
    for (const auto& [path, text] : m_files) {
        const fs::path file = m_root / path;
        fs::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text;
    }
}

load::LoadedContent SiteFixture::load(core::Diagnostics& diagnostics) {
    write_all();
    auto content = load::load_content(m_root, diagnostics);
    load::validate(content.model, diagnostics);
    diagnostics.sort();
    return content;
}

std::string SiteFixture::check() {
    core::Diagnostics diagnostics;
    load(diagnostics);
    std::string out;
    for (const auto& d : diagnostics.all()) {
        out += core::format_diagnostic(d) + "\n";
    }
    return out;
}

model::SiteModel model_of(SiteFixture& site) {
    core::Diagnostics diagnostics;
    auto content = site.load(diagnostics);
    INFO(site.check());
    REQUIRE_FALSE(diagnostics.has_errors());
    return std::move(content.model);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

} // namespace parkpress::testing
