"""Naming rules of the Python target (generator/targets/python/naming.py, README rules 1-7)."""

from __future__ import annotations

import pytest

from generator.parser import parse_bytes
from generator.targets.python import GenerationError, render_package
from generator.targets.python.naming import attr_name, const_name, module_name, param_name


def test_keywords_get_a_trailing_underscore_soft_keywords_stay() -> None:
    assert attr_name("not") == "not_"
    assert attr_name("class") == "class_"
    assert attr_name("match") == "match"  # soft keywords are legal names
    assert attr_name("type") == "type"
    assert param_name("self") == "self_"
    assert attr_name("self") == "self"


def test_enum_constants_and_modules() -> None:
    assert const_name("3GP") == "VALUE_3GP"
    assert const_name("VIDEO") == "VIDEO"
    assert const_name("None") == "None_"
    assert module_name(None) == "Core"
    assert module_name("metadata") == "Metadata"
    assert module_name("KalturaInternalTools") == "KalturaInternalTools"


def _schema(body: str) -> bytes:
    return f'<?xml version="1.0"?><xml apiVersion="1.0">{body}</xml>'.encode()


def test_modules_differing_only_in_case_are_an_error() -> None:
    xml = _schema(
        '<plugins><plugin name="foo"/><plugin name="Foo"/></plugins>'
        '<classes><class name="KalturaA" plugin="foo"/><class name="KalturaB" plugin="Foo"/>'
        "</classes>"
    )
    result = parse_bytes(xml, "case.xml")
    assert result.schema is not None
    with pytest.raises(GenerationError, match="only in case"):
        render_package(result.schema)


def test_service_class_name_clashing_with_an_object_class_is_suffixed() -> None:
    xml = _schema(
        '<classes><class name="KalturaMediaService"/></classes>'
        '<services><service id="media" name="media">'
        '<action name="get"><result type="KalturaMediaService"/></action>'
        "</service></services>"
    )
    result = parse_bytes(xml, "clash.xml")
    assert result.schema is not None and not result.errors, result.errors
    core = render_package(result.schema)["KalturaClient/Plugins/Core.py"].decode()
    assert "class KalturaMediaService(KalturaObjectBase):" in core
    assert "class KalturaMediaService_(KalturaServiceBase):" in core


def test_member_shadowing_a_helper_is_a_clear_error() -> None:
    xml = _schema(
        '<classes><class name="KalturaX"><property name="ClassVar" type="int"/></class></classes>'
    )
    result = parse_bytes(xml, "shadow.xml")
    assert result.schema is not None
    with pytest.raises(GenerationError, match="ClassVar"):
        render_package(result.schema)


def test_plugins_extending_each_other_are_a_clear_error() -> None:
    xml = _schema(
        '<plugins><plugin name="a"/><plugin name="b"/></plugins><classes>'
        '<class name="KalturaA1" plugin="a"/><class name="KalturaB1" plugin="b" base="KalturaA1"/>'
        '<class name="KalturaA2" plugin="a" base="KalturaB1"/></classes>'
    )
    result = parse_bytes(xml, "cycle.xml")
    assert result.schema is not None and not result.errors, result.errors
    with pytest.raises(GenerationError, match="circular base-class imports"):
        render_package(result.schema)
