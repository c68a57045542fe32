"""Browser tests use the fixtures of chengxin.browser_testing (see the root conftest)."""
