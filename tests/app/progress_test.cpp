#include "app/progress.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using parkpress::app::Progress;

TEST_CASE("progress: silent when not on a terminal", "[progress]") {
    std::ostringstream out;
    {
        Progress p(out, false);
        p.stage("loading content");
        p.update("rendering", 10, 10);
    }
    CHECK(out.str().empty());
}

TEST_CASE("progress: one line rewritten in place, erased at the end", "[progress]") {
    std::ostringstream out;
    {
        Progress p(out, true);
        p.stage("loading content");
        p.update("rendering", 1, 10);  // right after the stage: skipped (ten updates a second at most)
        p.update("rendering", 10, 10); // the last one is always shown
    }
    const std::string s = out.str();
    CHECK(s.find("\r\x1b[Kloading content…") == 0);
    CHECK(s.find("rendering 1/10") == std::string::npos);
    CHECK(s.find("\r\x1b[Krendering 10/10") != std::string::npos);
    CHECK(s.ends_with("\r\x1b[K"));
    CHECK(s.find('\n') == std::string::npos);
}
