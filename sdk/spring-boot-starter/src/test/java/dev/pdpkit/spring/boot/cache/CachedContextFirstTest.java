package dev.pdpkit.spring.boot.cache;

class CachedContextFirstTest extends CachedContextBase {
}
