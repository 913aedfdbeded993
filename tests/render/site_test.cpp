#include "compute/site_index.hpp"
#include "load/content_loader.hpp"
#include "load/theme_loader.hpp"
#include "load/validate.hpp"
#include "render/site.hpp"
#include "support/fixture.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>

using namespace parkpress;

namespace {

render::OutputFiles build(const std::filesystem::path& content_dir) {
    core::Diagnostics d;
    auto content = load::load_content(content_dir, d);
    load::validate(content.model, d);
    REQUIRE_FALSE(d.has_errors());
    const auto theme = load::load_theme(std::filesystem::path(PARKPRESS_SOURCE_DIR) / "themes/default");
    static std::vector<load::LoadedContent> keep; // the files refer to nothing, but keep the model alive anyway
    keep.push_back(std::move(content));
    const auto index = compute::build_index(keep.back().model);
    return render::render_site(keep.back().model, index, theme, /*with_pdf=*/false);
}

/// Resolves a relative URL against a page path: "../a/index.html" from "parks/b/index.html".
std::string resolve(const std::string& page, const std::string& url) {
    std::vector<std::string> parts;
    std::string dir = page.substr(0, page.rfind('/') == std::string::npos ? 0 : page.rfind('/'));
    std::stringstream ds(dir);
    for (std::string p; std::getline(ds, p, '/');) {
        if (!p.empty()) {
            parts.push_back(p);
        }
    }
    std::stringstream us(url);
    for (std::string p; std::getline(us, p, '/');) {
        if (p == "..") {
            if (!parts.empty()) {
                parts.pop_back();
            } else {
                return "<outside>";
            }
        } else if (!p.empty() && p != ".") {
            parts.push_back(p);
        }
    }
    std::string out;
    for (const auto& p : parts) {
        out += (out.empty() ? "" : "/") + p;
    }
    return out;
}

void check_links(const render::OutputFiles& files) {
    const std::regex attr(R"((href|src)="([^"]*)\")");
    const std::regex id(R"(\bid="([^"]*)\")");
    std::map<std::string, std::set<std::string>> ids;
    for (const auto& [path, bytes] : files) {
        if (path.ends_with(".html")) {
            for (std::sregex_iterator it(bytes.begin(), bytes.end(), id), end; it != end; ++it) {
                ids[path].insert((*it)[1]);
            }
        }
    }
    std::size_t checked = 0;
    for (const auto& [path, bytes] : files) {
        if (!path.ends_with(".html")) {
            continue;
        }
        INFO("page " << path);
        CHECK(bytes.find("<html lang=\"zh-CN\">") != std::string::npos);
        for (std::sregex_iterator it(bytes.begin(), bytes.end(), attr), end; it != end; ++it) {
            const std::string kind = (*it)[1];
            const std::string url = (*it)[2];
            INFO(kind << "=\"" << url << "\"");
            if (kind == "href" && (url.starts_with("https://") || url.starts_with("http://") || url.starts_with("mailto:"))) {
                continue; // a link to another site is navigation, not a load
            }
            CHECK(url.find("://") == std::string::npos); // nothing is loaded from another host
            CHECK_FALSE(url.starts_with("/"));            // relative: works from any sub-path and file://
            const std::size_t hash = url.find('#');
            const std::string file = url.substr(0, hash);
            const std::string target = file.empty() ? path : resolve(path, file);
            CHECK(files.contains(target));
            if (hash != std::string::npos && files.contains(target)) {
                CHECK(ids[target].contains(url.substr(hash + 1)));
            }
            ++checked;
        }
    }
    CHECK(checked > 0);
}

} // namespace

TEST_CASE("site: the fixture site has every page, and every link resolves", "[render]") {
    const auto files = build(std::filesystem::path(PARKPRESS_FIXTURES) / "valid");
    for (const char* page : {"index.html", "parks/index.html", "provinces/index.html", "kinds/index.html",
                             "indicators/index.html", "compare/index.html", "sources/index.html",
                             "bulletins/index.html", "404.html", "sitemap.xml", "robots.txt", "data/facts.csv",
                             "data/parks.csv", "data/parks.json", "assets/style.css", "assets/sort.js"}) {
        INFO(page);
        CHECK(files.contains(page));
    }
    check_links(files);
}

TEST_CASE("site: the real content builds, every link resolves, and the build is deterministic", "[render]") {
    const auto files = build(std::filesystem::path(PARKPRESS_SOURCE_DIR) / "content");
    CHECK(files.contains("parks/zhumadian-smart-island/index.html"));
    CHECK(files.contains("provinces/hubei/index.html"));
    CHECK(files.contains("kinds/smart-island/index.html"));
    CHECK(files.contains("indicators/contracted_investment/index.html"));
    check_links(files);
    CHECK(files == build(std::filesystem::path(PARKPRESS_SOURCE_DIR) / "content"));
    const std::string& sitemap = files.at("sitemap.xml");
    CHECK(sitemap.find("<loc>https://example.org/parks/parks/zhumadian-smart-island/</loc>") != std::string::npos);
    CHECK(sitemap.find("404") == std::string::npos);
}

TEST_CASE("site: data values are escaped by the templates, never interpreted", "[render]") {
    testing::SiteFixture site;
    site.set("parks/henan/zmd-zone.toml",
             "name = \"</title><script>alert(1)</script>{{site_title}}\"\ncity = \"驻马店市\"\nkind = \"high-tech-zone\"\n"
             "level = \"municipal\"\n\n[[facts]]\nindicator = \"signed_investment\"\nvalue = 1\nunit = \"亿元\"\n"
             "period = 2023\nsource = \"zmd-2024\"\nnote = \"<img src=x onerror=alert(1)>\"\n");
    site.check();
    const auto files = build(site.root());
    const std::string& page = files.at("parks/zmd-zone/index.html");
    CHECK(page.find("<script>alert") == std::string::npos);
    CHECK(page.find("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;{{site_title}}") != std::string::npos);
    CHECK(page.find("<img src=x") == std::string::npos);
    CHECK(page.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
}

TEST_CASE("site: targets and actuals are in separate tables on indicator pages", "[render]") {
    const auto files = build(std::filesystem::path(PARKPRESS_FIXTURES) / "valid");
    for (const auto& [path, bytes] : files) {
        if (!path.starts_with("indicators/") || path == "indicators/index.html") {
            continue;
        }
        const auto targets = bytes.find("<h2>目标</h2>");
        const auto chart = bytes.find("<svg");
        if (targets != std::string::npos && chart != std::string::npos) {
            INFO(path);
            CHECK(chart < targets); // the chart (actuals only) comes before the separate targets table
        }
    }
}
