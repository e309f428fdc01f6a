# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_choose_page.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QLabel, QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_WizardChoosePage(object):
    def setupUi(self, WizardChoosePage):
        if not WizardChoosePage.objectName():
            WizardChoosePage.setObjectName(u"WizardChoosePage")
        WizardChoosePage.resize(640, 420)
        self.choose_layout = QVBoxLayout(WizardChoosePage)
        self.choose_layout.setObjectName(u"choose_layout")
        self.path_request = QRadioButton(WizardChoosePage)
        self.path_request.setObjectName(u"path_request")
        self.path_request.setChecked(True)

        self.choose_layout.addWidget(self.path_request)

        self.path_request_help = QLabel(WizardChoosePage)
        self.path_request_help.setObjectName(u"path_request_help")
        self.path_request_help.setWordWrap(True)
        self.path_request_help.setIndent(24)

        self.choose_layout.addWidget(self.path_request_help)

        self.path_acme = QRadioButton(WizardChoosePage)
        self.path_acme.setObjectName(u"path_acme")

        self.choose_layout.addWidget(self.path_acme)

        self.path_acme_help = QLabel(WizardChoosePage)
        self.path_acme_help.setObjectName(u"path_acme_help")
        self.path_acme_help.setWordWrap(True)
        self.path_acme_help.setIndent(24)

        self.choose_layout.addWidget(self.path_acme_help)

        self.path_received = QRadioButton(WizardChoosePage)
        self.path_received.setObjectName(u"path_received")

        self.choose_layout.addWidget(self.path_received)

        self.path_received_help = QLabel(WizardChoosePage)
        self.path_received_help.setObjectName(u"path_received_help")
        self.path_received_help.setWordWrap(True)
        self.path_received_help.setIndent(24)

        self.choose_layout.addWidget(self.path_received_help)

        self.path_import = QRadioButton(WizardChoosePage)
        self.path_import.setObjectName(u"path_import")

        self.choose_layout.addWidget(self.path_import)

        self.path_import_help = QLabel(WizardChoosePage)
        self.path_import_help.setObjectName(u"path_import_help")
        self.path_import_help.setWordWrap(True)
        self.path_import_help.setIndent(24)

        self.choose_layout.addWidget(self.path_import_help)

        self.path_development = QRadioButton(WizardChoosePage)
        self.path_development.setObjectName(u"path_development")

        self.choose_layout.addWidget(self.path_development)

        self.path_development_help = QLabel(WizardChoosePage)
        self.path_development_help.setObjectName(u"path_development_help")
        self.path_development_help.setWordWrap(True)
        self.path_development_help.setIndent(24)

        self.choose_layout.addWidget(self.path_development_help)

        self.path_forward_secrecy = QRadioButton(WizardChoosePage)
        self.path_forward_secrecy.setObjectName(u"path_forward_secrecy")

        self.choose_layout.addWidget(self.path_forward_secrecy)

        self.path_forward_secrecy_help = QLabel(WizardChoosePage)
        self.path_forward_secrecy_help.setObjectName(u"path_forward_secrecy_help")
        self.path_forward_secrecy_help.setWordWrap(True)
        self.path_forward_secrecy_help.setIndent(24)

        self.choose_layout.addWidget(self.path_forward_secrecy_help)

        self.choose_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.choose_layout.addItem(self.choose_spacer)


        self.retranslateUi(WizardChoosePage)

        QMetaObject.connectSlotsByName(WizardChoosePage)
    # setupUi

    def retranslateUi(self, WizardChoosePage):
        WizardChoosePage.setTitle(QCoreApplication.translate("WizardChoosePage", u"What do you want to do?", None))
        WizardChoosePage.setSubTitle(QCoreApplication.translate("WizardChoosePage", u"4D's web, client-server and SQL servers read key.pem, cert.pem and dhparams.pem next to the project folder.", None))
        self.path_request.setText(QCoreApplication.translate("WizardChoosePage", u"Request a certificate from a certification authority", None))
        self.path_request_help.setText(QCoreApplication.translate("WizardChoosePage", u"Makes a private key and a certificate request (CSR) to send to the CA. The key waits in the project until the certificate arrives.", None))
        self.path_acme.setText(QCoreApplication.translate("WizardChoosePage", u"Get a free certificate (ACME: Let's Encrypt, ZeroSSL, Google)", None))
        self.path_acme_help.setText(QCoreApplication.translate("WizardChoosePage", u"For a server the internet reaches by name: tlsgui proves the name is yours, installs the certificate, and can renew it automatically before it expires.", None))
        self.path_received.setText(QCoreApplication.translate("WizardChoosePage", u"Install the certificate I received", None))
        self.path_received_help.setText(QCoreApplication.translate("WizardChoosePage", u"Paste or open what the CA sent (PEM, DER, .p7b or .pfx); it is matched to the waiting key and checked before anything is installed.", None))
        self.path_import.setText(QCoreApplication.translate("WizardChoosePage", u"Import an existing key and certificate", None))
        self.path_import_help.setText(QCoreApplication.translate("WizardChoosePage", u"A key and certificate you already have, as separate files or one PKCS#12 (.pfx, .p12) file.", None))
        self.path_development.setText(QCoreApplication.translate("WizardChoosePage", u"Create a development certificate", None))
        self.path_development_help.setText(QCoreApplication.translate("WizardChoosePage", u"Self-signed, for localhost, 127.0.0.1 and the project's host names. Browsers will warn: for testing only.", None))
        self.path_forward_secrecy.setText(QCoreApplication.translate("WizardChoosePage", u"Set up forward secrecy (DH parameters)", None))
        self.path_forward_secrecy_help.setText(QCoreApplication.translate("WizardChoosePage", u"Writes dhparams.pem so DHE cipher suites can be used: a standard group at once, or custom parameters generated in the background.", None))
    # retranslateUi

