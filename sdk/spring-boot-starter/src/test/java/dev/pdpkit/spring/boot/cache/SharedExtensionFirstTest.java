package dev.pdpkit.spring.boot.cache;

class SharedExtensionFirstTest extends SharedExtensionBase {
}
