"""Semantic checks (generator/validate.py) on small inline schemas."""

from __future__ import annotations

from generator.parser import parse_bytes


def diagnostics(body: str) -> list[str]:
    xml = f'<xml apiVersion="1">\n{body}\n</xml>'.encode()
    return [str(d) for d in parse_bytes(xml, "t.xml").diagnostics]


def test_redefinition_reports_the_nearest_ancestor() -> None:
    assert (
        diagnostics("""<classes>
<class name="KalturaA"><property name="id" type="int"/></class>
<class name="KalturaB" base="KalturaA"><property name="id" type="int"/></class>
<class name="KalturaC" base="KalturaB"><property name="id" type="string"/></class>
</classes>""")
        == [
            "t.xml:5: error: class KalturaC: property id is string but inherited "
            "KalturaB.id (line 4) is int"
        ]
    )


def test_redefinition_with_the_same_type_is_fine() -> None:
    assert diagnostics("""<enums><enum name="KalturaE" enumType="int"/></enums><classes>
<class name="KalturaA"><property name="s" type="int" enumType="KalturaE"/>
  <property name="o" type="array" arrayType="KalturaA"/></class>
<class name="KalturaB" base="KalturaA"><property name="s" type="int" enumType="KalturaE"
  readOnly="1"/><property name="o" type="array" arrayType="KalturaA"/></class>
</classes>""") == []


def test_redefinition_changing_the_enum_is_an_error() -> None:
    assert (
        diagnostics(
            """<enums><enum name="KalturaE" enumType="int"/><enum name="KalturaF" enumType="int"/>
</enums><classes>
<class name="KalturaA"><property name="s" type="int" enumType="KalturaE"/></class>
<class name="KalturaB" base="KalturaA"><property name="s" type="int" enumType="KalturaF"/>
</class></classes>"""
        )
        == [
            "t.xml:5: error: class KalturaB: property s is int<KalturaF> but inherited "
            "KalturaA.s (line 4) is int<KalturaE>"
        ]
    )


def test_valid_defaults_pass() -> None:
    assert diagnostics("""<services><service id="s" name="s"><action name="a">
<param name="i" type="int" optional="1" default="+5"/>
<param name="b" type="bigint" optional="1" default="9223372036854775807"/>
<param name="f" type="float" optional="1" default="1e3"/>
<param name="t" type="bool" optional="1" default="0"/>
<param name="n" type="bool" optional="1" default="null"/>
<param name="e" type="file" optional="1" default=""/>
<param name="s" type="string" optional="1" default="anything at all"/>
<result type="int"/></action></service></services>""") == []


def test_plugin_cycle_reported_once_and_not_for_dependants() -> None:
    assert diagnostics("""<plugins>
<plugin name="e"><dependency pluginName="a"/></plugin>
<plugin name="a"><dependency pluginName="b"/></plugin>
<plugin name="b"><dependency pluginName="a"/></plugin>
</plugins>""") == ["t.xml:4: error: plugin a: dependency cycle: a -> b -> a"]


def test_arrays_of_scalars_are_suspicious() -> None:
    assert (
        diagnostics("""<classes><class name="KalturaA">
<property name="ids" type="array" arrayType="int"/>
<property name="tags" type="map" arrayType="string"/>
</class></classes>""")
        == [
            "t.xml:3: warning: class KalturaA.ids: array of int: Kaltura arrays hold objects "
            "(e.g. KalturaStringValue), clients may not serialize it",
            "t.xml:4: warning: class KalturaA.tags: map of string: Kaltura maps hold objects "
            "(e.g. KalturaStringValue), clients may not serialize it",
        ]
    )
