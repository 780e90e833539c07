"""kaltura-codegen: generate Kaltura API clients from the Kaltura XML schema."""

__version__ = "0.1.0"
