# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_request_done.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout)

class Ui_WizardRequestDonePage(object):
    def setupUi(self, WizardRequestDonePage):
        if not WizardRequestDonePage.objectName():
            WizardRequestDonePage.setObjectName(u"WizardRequestDonePage")
        WizardRequestDonePage.resize(640, 420)
        self.done_layout = QVBoxLayout(WizardRequestDonePage)
        self.done_layout.setObjectName(u"done_layout")
        self.saved_label = QLabel(WizardRequestDonePage)
        self.saved_label.setObjectName(u"saved_label")
        self.saved_label.setWordWrap(True)

        self.done_layout.addWidget(self.saved_label)

        self.csr_label = QLabel(WizardRequestDonePage)
        self.csr_label.setObjectName(u"csr_label")

        self.done_layout.addWidget(self.csr_label)

        self.csr_text = QPlainTextEdit(WizardRequestDonePage)
        self.csr_text.setObjectName(u"csr_text")
        self.csr_text.setReadOnly(True)
        self.csr_text.setLineWrapMode(QPlainTextEdit.NoWrap)

        self.done_layout.addWidget(self.csr_text)

        self.done_buttons = QHBoxLayout()
        self.done_buttons.setObjectName(u"done_buttons")
        self.copy_button = QPushButton(WizardRequestDonePage)
        self.copy_button.setObjectName(u"copy_button")

        self.done_buttons.addWidget(self.copy_button)

        self.save_button = QPushButton(WizardRequestDonePage)
        self.save_button.setObjectName(u"save_button")

        self.done_buttons.addWidget(self.save_button)

        self.copy_status = QLabel(WizardRequestDonePage)
        self.copy_status.setObjectName(u"copy_status")

        self.done_buttons.addWidget(self.copy_status)

        self.done_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.done_buttons.addItem(self.done_spacer)


        self.done_layout.addLayout(self.done_buttons)

        self.next_step_label = QLabel(WizardRequestDonePage)
        self.next_step_label.setObjectName(u"next_step_label")
        self.next_step_label.setWordWrap(True)

        self.done_layout.addWidget(self.next_step_label)

#if QT_CONFIG(shortcut)
        self.csr_label.setBuddy(self.csr_text)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WizardRequestDonePage)

        QMetaObject.connectSlotsByName(WizardRequestDonePage)
    # setupUi

    def retranslateUi(self, WizardRequestDonePage):
        WizardRequestDonePage.setTitle(QCoreApplication.translate("WizardRequestDonePage", u"Send the request to your certification authority", None))
        WizardRequestDonePage.setSubTitle(QCoreApplication.translate("WizardRequestDonePage", u"The private key is saved in the project; nothing else is changed.", None))
        self.saved_label.setText("")
        self.csr_label.setText(QCoreApplication.translate("WizardRequestDonePage", u"Certificate &request (PEM):", None))
        self.copy_button.setText(QCoreApplication.translate("WizardRequestDonePage", u"&Copy", None))
        self.save_button.setText(QCoreApplication.translate("WizardRequestDonePage", u"&Save As\u2026", None))
        self.copy_status.setText("")
        self.next_step_label.setText(QCoreApplication.translate("WizardRequestDonePage", u"Next: send this request to your certification authority (paste it in their web form, or attach the saved file). When the certificate arrives, open this wizard again and choose <b>Install the certificate I received</b>: it finds the waiting key, even after a restart.", None))
    # retranslateUi

