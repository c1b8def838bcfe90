package dev.pdpkit.spring.boot.cache;

class SharedExtensionSecondTest extends SharedExtensionBase {
}
