"""The built-in demo project: a realistic 4D project folder with no certificates yet."""

from __future__ import annotations

import tempfile
from pathlib import Path

from tlsgui.errors import TlsguiError
from tlsgui.project.gitignore import RULES as IGNORE_RULES

DEMO_NAME = "DemoShop"

# Shaped like the real files in the research (4d-depot HDI samples, costasmano/normal): sections
# tlsgui does not own, attributes it does not know, and 4D's declaration-and-root-on-one-line.
DEMO_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?><preferences stamp="42">
	<com.4d>
		<deployment>
			<options/>
		</deployment>
		<general startup_environnement="1"/>
		<interface>
			<user splash_screen="false"/>
		</interface>
		<compiler>
			<options compilation_path="3"/>
		</compiler>
		<server>
			<misc/>
			<network>
				<client_server auto_register_clients="false" connections_timeout="5" use_encryption="false"/>
				<options publication_name="DemoShop" use_legacy_network_layer="false"/>
			</network>
			<ip_config>
				<allow_deny_table>
					<allow_deny address="*" allow="true"/>
				</allow_deny_table>
			</ip_config>
		</server>
		<database>
			<misc/>
		</database>
		<sql>
			<publication launch_at_startup="false" port_number="19812"/>
			<engine case_sensitive="false"/>
		</sql>
		<web>
			<standalone_server>
				<webservices>
					<server allow_requests="false" name="4dsoap"/>
				</webservices>
				<configuration allowHttp="true" allow_ssl="false" https_port_number="8443" port_number="8080" publish_at_startup="true">
					<hosts>
						<host html_root="./WebFolder/" id="0" name="default"/>
					</hosts>
				</configuration>
				<options>
					<cache cache_max_size="524288"/>
				</options>
			</standalone_server>
		</web>
	</com.4d>
</preferences>
"""

DEMO_FILES = {
    f"Project/{DEMO_NAME}.4DProject": '{\n\t"$comment": "DemoShop, a 4D project made by tlsgui demo"\n}\n',
    "Project/Sources/settings.4DSettings": DEMO_SETTINGS,
    "Project/Sources/DatabaseMethods/onStartup.4dm": "// On Startup: call TLS_ApplySettings here once tlsgui generated it\n",
    "Project/Sources/Methods/Shop_Home.4dm": '//%attributes = {}\nWEB SEND TEXT("<h1>DemoShop</h1>")\n',
    "WebFolder/index.html": "<!doctype html><title>DemoShop</title><h1>DemoShop</h1>\n",
    "Resources/.keep": "",
    # tlsgui's own rules (tlsgui/project/gitignore.py: keys, pending keys, state folder, staged files) + 4D's data
    ".gitignore": "# 4D and tlsgui: never commit private keys\n" + "".join(f"{rule}\n" for rule in IGNORE_RULES)
                  + "Data/\n",
}


def write_demo(target: str | Path) -> Path:
    """Write the demo project into `target` (created if needed; must be empty) and return its root."""
    root = Path(target)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise TlsguiError("The folder is not empty; the demo project was not written.", where=str(root),
                          fix="Choose a new or empty folder.")
    try:
        for relative, text in DEMO_FILES.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise TlsguiError(f"Could not write the demo project ({exc.strerror or exc}).", where=str(root)) from None
    return root


def fresh_demo() -> Path:
    """A new copy of the demo project in a temporary folder (what `tlsgui` opens with no argument)."""
    return write_demo(Path(tempfile.mkdtemp(prefix="tlsgui-demo-")) / DEMO_NAME)
