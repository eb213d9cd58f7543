"""Generated stubs of the PAYONE gateway (payone.v1), see client_stubs/README.md."""
