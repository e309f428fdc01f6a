# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'web_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout)

from tlsgui.widgets.hsts_age import HstsAgeEdit

class Ui_WebPage(object):
    def setupUi(self, WebPage):
        if not WebPage.objectName():
            WebPage.setObjectName(u"WebPage")
        WebPage.resize(760, 520)
        self.page_layout = QVBoxLayout(WebPage)
        self.page_layout.setObjectName(u"page_layout")
        self.http_group = QGroupBox(WebPage)
        self.http_group.setObjectName(u"http_group")
        self.http_group_grid = QGridLayout(self.http_group)
        self.http_group_grid.setObjectName(u"http_group_grid")
        self.web_http_enabled = QCheckBox(self.http_group)
        self.web_http_enabled.setObjectName(u"web_http_enabled")

        self.http_group_grid.addWidget(self.web_http_enabled, 0, 0, 1, 2)

        self.web_http_enabled_source = QLabel(self.http_group)
        self.web_http_enabled_source.setObjectName(u"web_http_enabled_source")

        self.http_group_grid.addWidget(self.web_http_enabled_source, 0, 2, 1, 1)

        self.web_http_port_label = QLabel(self.http_group)
        self.web_http_port_label.setObjectName(u"web_http_port_label")

        self.http_group_grid.addWidget(self.web_http_port_label, 1, 0, 1, 1)

        self.web_http_port = QLineEdit(self.http_group)
        self.web_http_port.setObjectName(u"web_http_port")

        self.http_group_grid.addWidget(self.web_http_port, 1, 1, 1, 1)

        self.web_http_port_source = QLabel(self.http_group)
        self.web_http_port_source.setObjectName(u"web_http_port_source")

        self.http_group_grid.addWidget(self.web_http_port_source, 1, 2, 1, 1)

        self.web_https_enabled = QCheckBox(self.http_group)
        self.web_https_enabled.setObjectName(u"web_https_enabled")

        self.http_group_grid.addWidget(self.web_https_enabled, 2, 0, 1, 2)

        self.web_https_enabled_source = QLabel(self.http_group)
        self.web_https_enabled_source.setObjectName(u"web_https_enabled_source")

        self.http_group_grid.addWidget(self.web_https_enabled_source, 2, 2, 1, 1)

        self.web_https_port_label = QLabel(self.http_group)
        self.web_https_port_label.setObjectName(u"web_https_port_label")

        self.http_group_grid.addWidget(self.web_https_port_label, 3, 0, 1, 1)

        self.web_https_port = QLineEdit(self.http_group)
        self.web_https_port.setObjectName(u"web_https_port")

        self.http_group_grid.addWidget(self.web_https_port, 3, 1, 1, 1)

        self.web_https_port_source = QLabel(self.http_group)
        self.web_https_port_source.setObjectName(u"web_https_port_source")

        self.http_group_grid.addWidget(self.web_https_port_source, 3, 2, 1, 1)

        self.web_listening_address_label = QLabel(self.http_group)
        self.web_listening_address_label.setObjectName(u"web_listening_address_label")

        self.http_group_grid.addWidget(self.web_listening_address_label, 4, 0, 1, 1)

        self.web_listening_address = QLineEdit(self.http_group)
        self.web_listening_address.setObjectName(u"web_listening_address")

        self.http_group_grid.addWidget(self.web_listening_address, 4, 1, 1, 1)

        self.web_listening_address_source = QLabel(self.http_group)
        self.web_listening_address_source.setObjectName(u"web_listening_address_source")

        self.http_group_grid.addWidget(self.web_listening_address_source, 4, 2, 1, 1)

        self.http_note = QLabel(self.http_group)
        self.http_note.setObjectName(u"http_note")
        self.http_note.setWordWrap(True)

        self.http_group_grid.addWidget(self.http_note, 5, 0, 1, 3)

        self.http_group_grid.setColumnStretch(2, 1)

        self.page_layout.addWidget(self.http_group)

        self.hsts_group = QGroupBox(WebPage)
        self.hsts_group.setObjectName(u"hsts_group")
        self.hsts_group_grid = QGridLayout(self.hsts_group)
        self.hsts_group_grid.setObjectName(u"hsts_group_grid")
        self.web_hsts_enabled = QCheckBox(self.hsts_group)
        self.web_hsts_enabled.setObjectName(u"web_hsts_enabled")

        self.hsts_group_grid.addWidget(self.web_hsts_enabled, 0, 0, 1, 2)

        self.web_hsts_enabled_source = QLabel(self.hsts_group)
        self.web_hsts_enabled_source.setObjectName(u"web_hsts_enabled_source")

        self.hsts_group_grid.addWidget(self.web_hsts_enabled_source, 0, 2, 1, 1)

        self.web_hsts_max_age_label = QLabel(self.hsts_group)
        self.web_hsts_max_age_label.setObjectName(u"web_hsts_max_age_label")

        self.hsts_group_grid.addWidget(self.web_hsts_max_age_label, 1, 0, 1, 1)

        self.hsts_age_box = HstsAgeEdit(self.hsts_group)
        self.hsts_age_box.setObjectName(u"hsts_age_box")

        self.hsts_group_grid.addWidget(self.hsts_age_box, 1, 1, 1, 1)

        self.web_hsts_max_age_source = QLabel(self.hsts_group)
        self.web_hsts_max_age_source.setObjectName(u"web_hsts_max_age_source")

        self.hsts_group_grid.addWidget(self.web_hsts_max_age_source, 1, 2, 1, 1)

        self.hsts_note = QLabel(self.hsts_group)
        self.hsts_note.setObjectName(u"hsts_note")
        self.hsts_note.setWordWrap(True)

        self.hsts_group_grid.addWidget(self.hsts_note, 2, 0, 1, 3)

        self.hsts_group_grid.setColumnStretch(2, 1)

        self.page_layout.addWidget(self.hsts_group)

        self.remote_web_group = QGroupBox(WebPage)
        self.remote_web_group.setObjectName(u"remote_web_group")
        self.remote_web_layout = QVBoxLayout(self.remote_web_group)
        self.remote_web_layout.setObjectName(u"remote_web_layout")
        self.remote_web_status = QLabel(self.remote_web_group)
        self.remote_web_status.setObjectName(u"remote_web_status")
        self.remote_web_status.setWordWrap(True)

        self.remote_web_layout.addWidget(self.remote_web_status)


        self.page_layout.addWidget(self.remote_web_group)

        self.bottom_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.page_layout.addItem(self.bottom_spacer)

#if QT_CONFIG(shortcut)
        self.web_http_port_label.setBuddy(self.web_http_port)
        self.web_https_port_label.setBuddy(self.web_https_port)
        self.web_listening_address_label.setBuddy(self.web_listening_address)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WebPage)

        QMetaObject.connectSlotsByName(WebPage)
    # setupUi

    def retranslateUi(self, WebPage):
        self.http_group.setTitle(QCoreApplication.translate("WebPage", u"HTTP and HTTPS", None))
        self.web_http_enabled.setText(QCoreApplication.translate("WebPage", u"Enable HTTP", None))
        self.web_http_enabled_source.setText(QCoreApplication.translate("WebPage", u"stored in \u2026", None))
        self.web_http_port_label.setText(QCoreApplication.translate("WebPage", u"HTTP Port", None))
        self.web_http_port_source.setText(QCoreApplication.translate("WebPage", u"stored in \u2026", None))
        self.web_https_enabled.setText(QCoreApplication.translate("WebPage", u"Enable HTTPS", None))
        self.web_https_enabled_source.setText(QCoreApplication.translate("WebPage", u"stored in \u2026", None))
        self.web_https_port_label.setText(QCoreApplication.translate("WebPage", u"HTTPS Port", None))
        self.web_https_port_source.setText(QCoreApplication.translate("WebPage", u"stored in \u2026", None))
        self.web_listening_address_label.setText(QCoreApplication.translate("WebPage", u"IP Address", None))
        self.web_listening_address_source.setText(QCoreApplication.translate("WebPage", u"stored in \u2026", None))
        self.hsts_group.setTitle(QCoreApplication.translate("WebPage", u"HSTS (HTTP Strict Transport Security)", None))
        self.web_hsts_enabled.setText(QCoreApplication.translate("WebPage", u"Enable HSTS", None))
        self.web_hsts_enabled_source.setText(QCoreApplication.translate("WebPage", u"stored in \u2026", None))
        self.web_hsts_max_age_label.setText(QCoreApplication.translate("WebPage", u"HSTS max age", None))
        self.web_hsts_max_age_source.setText(QCoreApplication.translate("WebPage", u"stored in \u2026", None))
        self.remote_web_group.setTitle(QCoreApplication.translate("WebPage", u"Web server of 4D in remote mode (read-only)", None))
        pass
    # retranslateUi

