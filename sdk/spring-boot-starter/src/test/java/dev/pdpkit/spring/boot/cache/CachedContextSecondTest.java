package dev.pdpkit.spring.boot.cache;

class CachedContextSecondTest extends CachedContextBase {
}
