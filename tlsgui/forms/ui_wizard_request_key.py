# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_request_key.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QLabel, QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_WizardRequestKeyPage(object):
    def setupUi(self, WizardRequestKeyPage):
        if not WizardRequestKeyPage.objectName():
            WizardRequestKeyPage.setObjectName(u"WizardRequestKeyPage")
        WizardRequestKeyPage.resize(640, 420)
        self.key_layout = QVBoxLayout(WizardRequestKeyPage)
        self.key_layout.setObjectName(u"key_layout")
        self.key_rsa2048 = QRadioButton(WizardRequestKeyPage)
        self.key_rsa2048.setObjectName(u"key_rsa2048")
        self.key_rsa2048.setChecked(True)

        self.key_layout.addWidget(self.key_rsa2048)

        self.key_rsa2048_help = QLabel(WizardRequestKeyPage)
        self.key_rsa2048_help.setObjectName(u"key_rsa2048_help")
        self.key_rsa2048_help.setWordWrap(True)
        self.key_rsa2048_help.setIndent(24)

        self.key_layout.addWidget(self.key_rsa2048_help)

        self.key_rsa3072 = QRadioButton(WizardRequestKeyPage)
        self.key_rsa3072.setObjectName(u"key_rsa3072")

        self.key_layout.addWidget(self.key_rsa3072)

        self.key_rsa3072_help = QLabel(WizardRequestKeyPage)
        self.key_rsa3072_help.setObjectName(u"key_rsa3072_help")
        self.key_rsa3072_help.setWordWrap(True)
        self.key_rsa3072_help.setIndent(24)

        self.key_layout.addWidget(self.key_rsa3072_help)

        self.key_rsa4096 = QRadioButton(WizardRequestKeyPage)
        self.key_rsa4096.setObjectName(u"key_rsa4096")

        self.key_layout.addWidget(self.key_rsa4096)

        self.key_rsa4096_help = QLabel(WizardRequestKeyPage)
        self.key_rsa4096_help.setObjectName(u"key_rsa4096_help")
        self.key_rsa4096_help.setWordWrap(True)
        self.key_rsa4096_help.setIndent(24)

        self.key_layout.addWidget(self.key_rsa4096_help)

        self.key_ecdsa_p256 = QRadioButton(WizardRequestKeyPage)
        self.key_ecdsa_p256.setObjectName(u"key_ecdsa_p256")

        self.key_layout.addWidget(self.key_ecdsa_p256)

        self.key_ecdsa_p256_help = QLabel(WizardRequestKeyPage)
        self.key_ecdsa_p256_help.setObjectName(u"key_ecdsa_p256_help")
        self.key_ecdsa_p256_help.setWordWrap(True)
        self.key_ecdsa_p256_help.setIndent(24)

        self.key_layout.addWidget(self.key_ecdsa_p256_help)

        self.key_ecdsa_p384 = QRadioButton(WizardRequestKeyPage)
        self.key_ecdsa_p384.setObjectName(u"key_ecdsa_p384")

        self.key_layout.addWidget(self.key_ecdsa_p384)

        self.key_ecdsa_p384_help = QLabel(WizardRequestKeyPage)
        self.key_ecdsa_p384_help.setObjectName(u"key_ecdsa_p384_help")
        self.key_ecdsa_p384_help.setWordWrap(True)
        self.key_ecdsa_p384_help.setIndent(24)

        self.key_layout.addWidget(self.key_ecdsa_p384_help)

        self.key_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.key_layout.addItem(self.key_spacer)


        self.retranslateUi(WizardRequestKeyPage)

        QMetaObject.connectSlotsByName(WizardRequestKeyPage)
    # setupUi

    def retranslateUi(self, WizardRequestKeyPage):
        WizardRequestKeyPage.setTitle(QCoreApplication.translate("WizardRequestKeyPage", u"Private key", None))
        WizardRequestKeyPage.setSubTitle(QCoreApplication.translate("WizardRequestKeyPage", u"The key is made on this computer and never leaves it; only the request goes to the CA.", None))
        self.key_rsa2048.setText(QCoreApplication.translate("WizardRequestKeyPage", u"RSA 2048 bits (recommended)", None))
        self.key_rsa2048_help.setText(QCoreApplication.translate("WizardRequestKeyPage", u"Accepted by every certification authority, browser and 4D network layer, the legacy one included; secure for years.", None))
        self.key_rsa3072.setText(QCoreApplication.translate("WizardRequestKeyPage", u"RSA 3072 bits", None))
        self.key_rsa3072_help.setText(QCoreApplication.translate("WizardRequestKeyPage", u"Stronger, for certificates meant to last beyond 2030; handshakes cost the server a little more.", None))
        self.key_rsa4096.setText(QCoreApplication.translate("WizardRequestKeyPage", u"RSA 4096 bits", None))
        self.key_rsa4096_help.setText(QCoreApplication.translate("WizardRequestKeyPage", u"The strongest RSA key; noticeably slower handshakes and a few seconds to generate. Rarely needed.", None))
        self.key_ecdsa_p256.setText(QCoreApplication.translate("WizardRequestKeyPage", u"ECDSA P-256", None))
        self.key_ecdsa_p256_help.setText(QCoreApplication.translate("WizardRequestKeyPage", u"Small and fast, as strong as RSA 3072; choose it only if your CA and every client (4D included) accept ECDSA.", None))
        self.key_ecdsa_p384.setText(QCoreApplication.translate("WizardRequestKeyPage", u"ECDSA P-384", None))
        self.key_ecdsa_p384_help.setText(QCoreApplication.translate("WizardRequestKeyPage", u"A stronger curve with the same compatibility limits as P-256; a little slower.", None))
    # retranslateUi

