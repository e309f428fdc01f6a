"""Generated from tlsgui/model/options.py by packaging/build_settings.py (`make ui`); do not edit."""

# What dataclasses.make_dataclass(frozen=True) compiled at every start (~2 ms of the window's start-up),
# written out once: init, repr, eq, hash and frozen attributes. tlsgui/model/settings.py refuses a stale
# copy at import; tests/model/test_settings_values.py checks it is fresh and behaves as the dataclass did.

from __future__ import annotations

from dataclasses import FrozenInstanceError


# (field name, default) in OPTIONS order.
FIELDS = (
    ('web_http_enabled', True),
    ('web_http_port', 80),
    ('web_https_enabled', False),
    ('web_https_port', 443),
    ('web_listening_address', ''),
    ('web_certificate_folder', ''),
    ('web_host_names', ''),
    ('web_hsts_enabled', False),
    ('web_hsts_max_age', 63072000),
    ('client_server_encryption', False),
    ('client_server_port', 19813),
    ('client_server_legacy_network_layer', False),
    ('sql_launch_at_startup', False),
    ('sql_port', 19812),
    ('sql_tls_enabled', False),
    ('tls_min_version', '1.2'),
    ('tls_cipher_list', ''),
    ('project_4d_version', ''),
)


class SettingsValues:
    """The fields of Settings: one frozen value per option (dataclass-style init, repr, eq, hash)."""

    __match_args__ = (
        'web_http_enabled',
        'web_http_port',
        'web_https_enabled',
        'web_https_port',
        'web_listening_address',
        'web_certificate_folder',
        'web_host_names',
        'web_hsts_enabled',
        'web_hsts_max_age',
        'client_server_encryption',
        'client_server_port',
        'client_server_legacy_network_layer',
        'sql_launch_at_startup',
        'sql_port',
        'sql_tls_enabled',
        'tls_min_version',
        'tls_cipher_list',
        'project_4d_version',
    )

    web_http_enabled: bool
    web_http_port: int
    web_https_enabled: bool
    web_https_port: int
    web_listening_address: str
    web_certificate_folder: str
    web_host_names: str
    web_hsts_enabled: bool
    web_hsts_max_age: int
    client_server_encryption: bool
    client_server_port: int
    client_server_legacy_network_layer: bool
    sql_launch_at_startup: bool
    sql_port: int
    sql_tls_enabled: bool
    tls_min_version: str
    tls_cipher_list: str
    project_4d_version: str

    def __init__(
        self,
        web_http_enabled: bool = True,
        web_http_port: int = 80,
        web_https_enabled: bool = False,
        web_https_port: int = 443,
        web_listening_address: str = '',
        web_certificate_folder: str = '',
        web_host_names: str = '',
        web_hsts_enabled: bool = False,
        web_hsts_max_age: int = 63072000,
        client_server_encryption: bool = False,
        client_server_port: int = 19813,
        client_server_legacy_network_layer: bool = False,
        sql_launch_at_startup: bool = False,
        sql_port: int = 19812,
        sql_tls_enabled: bool = False,
        tls_min_version: str = '1.2',
        tls_cipher_list: str = '',
        project_4d_version: str = '',
    ) -> None:
        object.__setattr__(self, 'web_http_enabled', web_http_enabled)
        object.__setattr__(self, 'web_http_port', web_http_port)
        object.__setattr__(self, 'web_https_enabled', web_https_enabled)
        object.__setattr__(self, 'web_https_port', web_https_port)
        object.__setattr__(self, 'web_listening_address', web_listening_address)
        object.__setattr__(self, 'web_certificate_folder', web_certificate_folder)
        object.__setattr__(self, 'web_host_names', web_host_names)
        object.__setattr__(self, 'web_hsts_enabled', web_hsts_enabled)
        object.__setattr__(self, 'web_hsts_max_age', web_hsts_max_age)
        object.__setattr__(self, 'client_server_encryption', client_server_encryption)
        object.__setattr__(self, 'client_server_port', client_server_port)
        object.__setattr__(self, 'client_server_legacy_network_layer', client_server_legacy_network_layer)
        object.__setattr__(self, 'sql_launch_at_startup', sql_launch_at_startup)
        object.__setattr__(self, 'sql_port', sql_port)
        object.__setattr__(self, 'sql_tls_enabled', sql_tls_enabled)
        object.__setattr__(self, 'tls_min_version', tls_min_version)
        object.__setattr__(self, 'tls_cipher_list', tls_cipher_list)
        object.__setattr__(self, 'project_4d_version', project_4d_version)

    def _values(self) -> tuple:
        return (
            self.web_http_enabled,
            self.web_http_port,
            self.web_https_enabled,
            self.web_https_port,
            self.web_listening_address,
            self.web_certificate_folder,
            self.web_host_names,
            self.web_hsts_enabled,
            self.web_hsts_max_age,
            self.client_server_encryption,
            self.client_server_port,
            self.client_server_legacy_network_layer,
            self.sql_launch_at_startup,
            self.sql_port,
            self.sql_tls_enabled,
            self.tls_min_version,
            self.tls_cipher_list,
            self.project_4d_version,
        )

    def __repr__(self) -> str:
        return (f"{self.__class__.__qualname__}("
                f"web_http_enabled={self.web_http_enabled!r}, "
                f"web_http_port={self.web_http_port!r}, "
                f"web_https_enabled={self.web_https_enabled!r}, "
                f"web_https_port={self.web_https_port!r}, "
                f"web_listening_address={self.web_listening_address!r}, "
                f"web_certificate_folder={self.web_certificate_folder!r}, "
                f"web_host_names={self.web_host_names!r}, "
                f"web_hsts_enabled={self.web_hsts_enabled!r}, "
                f"web_hsts_max_age={self.web_hsts_max_age!r}, "
                f"client_server_encryption={self.client_server_encryption!r}, "
                f"client_server_port={self.client_server_port!r}, "
                f"client_server_legacy_network_layer={self.client_server_legacy_network_layer!r}, "
                f"sql_launch_at_startup={self.sql_launch_at_startup!r}, "
                f"sql_port={self.sql_port!r}, "
                f"sql_tls_enabled={self.sql_tls_enabled!r}, "
                f"tls_min_version={self.tls_min_version!r}, "
                f"tls_cipher_list={self.tls_cipher_list!r}, "
                f"project_4d_version={self.project_4d_version!r})")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")
