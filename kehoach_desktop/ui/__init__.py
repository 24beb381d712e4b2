"""The PySide6 window: widgets and Qt models only; every change goes through the services."""
