"""Sanic 21.12 rewrites some of its own class methods when an app first starts (sanic.touchup),
and a later app then fails to start unless Sanic.test_mode was on when the first one started.
These are the methods as imported, before any app started (test modules are all imported
before any test runs), to put back around each test module's apps."""
from sanic.touchup import TouchUp

PRISTINE = {(target, name): getattr(target, name) for target, name in TouchUp._registry}
PLACEHOLDERS = {(target, "_" + name) for target, name in TouchUp._registry
                if not hasattr(target, "_" + name)}


def restore_sanic() -> None:
    for (target, name), method in PRISTINE.items():
        setattr(target, name, method)
    for target, placeholder in PLACEHOLDERS:
        if placeholder in vars(target):
            delattr(target, placeholder)
