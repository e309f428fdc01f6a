# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_acme_setup.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QRadioButton, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_WizardAcmeSetup(object):
    def setupUi(self, WizardAcmeSetup):
        if not WizardAcmeSetup.objectName():
            WizardAcmeSetup.setObjectName(u"WizardAcmeSetup")
        WizardAcmeSetup.resize(640, 520)
        self.setup_layout = QVBoxLayout(WizardAcmeSetup)
        self.setup_layout.setObjectName(u"setup_layout")
        self.ca_form = QFormLayout()
        self.ca_form.setObjectName(u"ca_form")
        self.ca_label = QLabel(WizardAcmeSetup)
        self.ca_label.setObjectName(u"ca_label")

        self.ca_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.ca_label)

        self.ca_combo = QComboBox(WizardAcmeSetup)
        self.ca_combo.setObjectName(u"ca_combo")

        self.ca_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.ca_combo)

        self.url_edit = QLineEdit(WizardAcmeSetup)
        self.url_edit.setObjectName(u"url_edit")

        self.ca_form.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.url_edit)

        self.terms_label = QLabel(WizardAcmeSetup)
        self.terms_label.setObjectName(u"terms_label")
        self.terms_label.setWordWrap(True)
        self.terms_label.setOpenExternalLinks(True)
        self.terms_label.setTextFormat(Qt.TextFormat.RichText)

        self.ca_form.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.terms_label)

        self.agree_check = QCheckBox(WizardAcmeSetup)
        self.agree_check.setObjectName(u"agree_check")

        self.ca_form.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.agree_check)

        self.staging_check = QCheckBox(WizardAcmeSetup)
        self.staging_check.setObjectName(u"staging_check")

        self.ca_form.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.staging_check)

        self.eab_row = QWidget(WizardAcmeSetup)
        self.eab_row.setObjectName(u"eab_row")
        self.eab_form = QFormLayout(self.eab_row)
        self.eab_form.setObjectName(u"eab_form")
        self.eab_form.setContentsMargins(0, 0, 0, 0)
        self.eab_kid_label = QLabel(self.eab_row)
        self.eab_kid_label.setObjectName(u"eab_kid_label")

        self.eab_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.eab_kid_label)

        self.eab_kid_edit = QLineEdit(self.eab_row)
        self.eab_kid_edit.setObjectName(u"eab_kid_edit")

        self.eab_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.eab_kid_edit)

        self.eab_hmac_label = QLabel(self.eab_row)
        self.eab_hmac_label.setObjectName(u"eab_hmac_label")

        self.eab_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.eab_hmac_label)

        self.eab_hmac_edit = QLineEdit(self.eab_row)
        self.eab_hmac_edit.setObjectName(u"eab_hmac_edit")
        self.eab_hmac_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.eab_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.eab_hmac_edit)


        self.ca_form.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.eab_row)

        self.email_label = QLabel(WizardAcmeSetup)
        self.email_label.setObjectName(u"email_label")

        self.ca_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email_edit = QLineEdit(WizardAcmeSetup)
        self.email_edit.setObjectName(u"email_edit")

        self.ca_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.email_edit)

        self.domains_label = QLabel(WizardAcmeSetup)
        self.domains_label.setObjectName(u"domains_label")

        self.ca_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.domains_label)

        self.domains_edit = QLineEdit(WizardAcmeSetup)
        self.domains_edit.setObjectName(u"domains_edit")

        self.ca_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.domains_edit)


        self.setup_layout.addLayout(self.ca_form)

        self.challenge_http_port = QRadioButton(WizardAcmeSetup)
        self.challenge_http_port.setObjectName(u"challenge_http_port")

        self.setup_layout.addWidget(self.challenge_http_port)

        self.challenge_http_port_help = QLabel(WizardAcmeSetup)
        self.challenge_http_port_help.setObjectName(u"challenge_http_port_help")
        self.challenge_http_port_help.setWordWrap(True)
        self.challenge_http_port_help.setIndent(24)

        self.setup_layout.addWidget(self.challenge_http_port_help)

        self.challenge_webroot = QRadioButton(WizardAcmeSetup)
        self.challenge_webroot.setObjectName(u"challenge_webroot")

        self.setup_layout.addWidget(self.challenge_webroot)

        self.challenge_webroot_help = QLabel(WizardAcmeSetup)
        self.challenge_webroot_help.setObjectName(u"challenge_webroot_help")
        self.challenge_webroot_help.setWordWrap(True)
        self.challenge_webroot_help.setIndent(24)

        self.setup_layout.addWidget(self.challenge_webroot_help)

        self.challenge_dns_01 = QRadioButton(WizardAcmeSetup)
        self.challenge_dns_01.setObjectName(u"challenge_dns_01")

        self.setup_layout.addWidget(self.challenge_dns_01)

        self.challenge_dns_01_help = QLabel(WizardAcmeSetup)
        self.challenge_dns_01_help.setObjectName(u"challenge_dns_01_help")
        self.challenge_dns_01_help.setWordWrap(True)
        self.challenge_dns_01_help.setIndent(24)

        self.setup_layout.addWidget(self.challenge_dns_01_help)

        self.port_row = QHBoxLayout()
        self.port_row.setObjectName(u"port_row")
        self.port_label = QLabel(WizardAcmeSetup)
        self.port_label.setObjectName(u"port_label")

        self.port_row.addWidget(self.port_label)

        self.port_spin = QSpinBox(WizardAcmeSetup)
        self.port_spin.setObjectName(u"port_spin")
        self.port_spin.setMinimum(1)
        self.port_spin.setMaximum(65535)
        self.port_spin.setValue(80)

        self.port_row.addWidget(self.port_spin)

        self.port_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.port_row.addItem(self.port_spacer)


        self.setup_layout.addLayout(self.port_row)

        self.preflight_row = QHBoxLayout()
        self.preflight_row.setObjectName(u"preflight_row")
        self.preflight_button = QPushButton(WizardAcmeSetup)
        self.preflight_button.setObjectName(u"preflight_button")

        self.preflight_row.addWidget(self.preflight_button)

        self.preflight_label = QLabel(WizardAcmeSetup)
        self.preflight_label.setObjectName(u"preflight_label")
        self.preflight_label.setWordWrap(True)

        self.preflight_row.addWidget(self.preflight_label)


        self.setup_layout.addLayout(self.preflight_row)

        self.advanced_form = QFormLayout()
        self.advanced_form.setObjectName(u"advanced_form")
        self.ca_bundle_label = QLabel(WizardAcmeSetup)
        self.ca_bundle_label.setObjectName(u"ca_bundle_label")

        self.advanced_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.ca_bundle_label)

        self.ca_bundle_edit = QLineEdit(WizardAcmeSetup)
        self.ca_bundle_edit.setObjectName(u"ca_bundle_edit")

        self.advanced_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.ca_bundle_edit)


        self.setup_layout.addLayout(self.advanced_form)

        self.problem_label = QLabel(WizardAcmeSetup)
        self.problem_label.setObjectName(u"problem_label")
        self.problem_label.setWordWrap(True)

        self.setup_layout.addWidget(self.problem_label)

        self.setup_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.setup_layout.addItem(self.setup_spacer)


        self.retranslateUi(WizardAcmeSetup)

        QMetaObject.connectSlotsByName(WizardAcmeSetup)
    # setupUi

    def retranslateUi(self, WizardAcmeSetup):
        WizardAcmeSetup.setTitle(QCoreApplication.translate("WizardAcmeSetup", u"Get a free certificate (ACME)", None))
        WizardAcmeSetup.setSubTitle(QCoreApplication.translate("WizardAcmeSetup", u"A certificate authority checks that you control the names, then issues a certificate valid for a few weeks; tlsgui can renew it automatically.", None))
        self.ca_label.setText(QCoreApplication.translate("WizardAcmeSetup", u"Certificate authority", None))
        self.url_edit.setPlaceholderText(QCoreApplication.translate("WizardAcmeSetup", u"https://\u2026/directory", None))
        self.agree_check.setText(QCoreApplication.translate("WizardAcmeSetup", u"I accept the CA's terms of service", None))
        self.staging_check.setText(QCoreApplication.translate("WizardAcmeSetup", u"First a test run with Let's Encrypt staging (untrusted certificate, not installed) to check the setup", None))
        self.eab_kid_label.setText(QCoreApplication.translate("WizardAcmeSetup", u"EAB key id", None))
        self.eab_hmac_label.setText(QCoreApplication.translate("WizardAcmeSetup", u"EAB HMAC key", None))
        self.email_label.setText(QCoreApplication.translate("WizardAcmeSetup", u"E-mail", None))
        self.email_edit.setPlaceholderText(QCoreApplication.translate("WizardAcmeSetup", u"optional: for the CA's notices", None))
        self.domains_label.setText(QCoreApplication.translate("WizardAcmeSetup", u"Names", None))
        self.domains_edit.setPlaceholderText(QCoreApplication.translate("WizardAcmeSetup", u"www.example.com, example.com", None))
        self.challenge_http_port.setText(QCoreApplication.translate("WizardAcmeSetup", u"tlsgui answers the CA itself on port 80", None))
        self.challenge_http_port_help.setText(QCoreApplication.translate("WizardAcmeSetup", u"Stop 4D's web server for the minute this takes: the CA connects to http://NAME/ and tlsgui answers. The name must point to this computer and port 80 be open from the internet.", None))
        self.challenge_webroot.setText(QCoreApplication.translate("WizardAcmeSetup", u"4D's web server answers (it keeps running)", None))
        self.challenge_webroot_help.setText(QCoreApplication.translate("WizardAcmeSetup", u"tlsgui puts a small file in the project's WebFolder/.well-known/acme-challenge/ for 4D to serve on port 80, checks it is reachable first, and removes it afterwards.", None))
        self.challenge_dns_01.setText(QCoreApplication.translate("WizardAcmeSetup", u"A DNS record proves the name (DNS-01)", None))
        self.challenge_dns_01_help.setText(QCoreApplication.translate("WizardAcmeSetup", u"For wildcard names or servers the internet cannot reach: tlsgui shows a TXT record to add at your DNS provider and waits until it resolves.", None))
        self.port_label.setText(QCoreApplication.translate("WizardAcmeSetup", u"tlsgui answers on port", None))
        self.preflight_button.setText(QCoreApplication.translate("WizardAcmeSetup", u"Check 4D serves the folder", None))
        self.preflight_label.setText("")
        self.ca_bundle_label.setText(QCoreApplication.translate("WizardAcmeSetup", u"Trust CA root", None))
        self.ca_bundle_edit.setPlaceholderText(QCoreApplication.translate("WizardAcmeSetup", u"only for a test CA: its root certificate (PEM)", None))
        self.problem_label.setText("")
    # retranslateUi

