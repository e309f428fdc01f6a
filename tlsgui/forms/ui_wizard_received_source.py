# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_received_source.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout)

from tlsgui.widgets.job_progress import JobProgress

class Ui_WizardReceivedSourcePage(object):
    def setupUi(self, WizardReceivedSourcePage):
        if not WizardReceivedSourcePage.objectName():
            WizardReceivedSourcePage.setObjectName(u"WizardReceivedSourcePage")
        WizardReceivedSourcePage.resize(640, 420)
        self.source_layout = QVBoxLayout(WizardReceivedSourcePage)
        self.source_layout.setObjectName(u"source_layout")
        self.pending_label = QLabel(WizardReceivedSourcePage)
        self.pending_label.setObjectName(u"pending_label")
        self.pending_label.setWordWrap(True)

        self.source_layout.addWidget(self.pending_label)

        self.pem_label = QLabel(WizardReceivedSourcePage)
        self.pem_label.setObjectName(u"pem_label")

        self.source_layout.addWidget(self.pem_label)

        self.pem_text = QPlainTextEdit(WizardReceivedSourcePage)
        self.pem_text.setObjectName(u"pem_text")
        self.pem_text.setLineWrapMode(QPlainTextEdit.NoWrap)

        self.source_layout.addWidget(self.pem_text)

        self.open_layout = QHBoxLayout()
        self.open_layout.setObjectName(u"open_layout")
        self.open_button = QPushButton(WizardReceivedSourcePage)
        self.open_button.setObjectName(u"open_button")

        self.open_layout.addWidget(self.open_button)

        self.drop_hint = QLabel(WizardReceivedSourcePage)
        self.drop_hint.setObjectName(u"drop_hint")

        self.open_layout.addWidget(self.drop_hint)

        self.open_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.open_layout.addItem(self.open_spacer)


        self.source_layout.addLayout(self.open_layout)

        self.source_progress = JobProgress(WizardReceivedSourcePage)
        self.source_progress.setObjectName(u"source_progress")

        self.source_layout.addWidget(self.source_progress)

        self.source_status = QLabel(WizardReceivedSourcePage)
        self.source_status.setObjectName(u"source_status")
        self.source_status.setWordWrap(True)
        self.source_status.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.source_layout.addWidget(self.source_status)

        self.source_error = QLabel(WizardReceivedSourcePage)
        self.source_error.setObjectName(u"source_error")
        self.source_error.setWordWrap(True)
        self.source_error.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.source_layout.addWidget(self.source_error)

        self.import_instead_button = QPushButton(WizardReceivedSourcePage)
        self.import_instead_button.setObjectName(u"import_instead_button")
        self.import_instead_button.setVisible(False)

        self.source_layout.addWidget(self.import_instead_button)

#if QT_CONFIG(shortcut)
        self.pem_label.setBuddy(self.pem_text)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WizardReceivedSourcePage)

        QMetaObject.connectSlotsByName(WizardReceivedSourcePage)
    # setupUi

    def retranslateUi(self, WizardReceivedSourcePage):
        WizardReceivedSourcePage.setTitle(QCoreApplication.translate("WizardReceivedSourcePage", u"The certificate you received", None))
        WizardReceivedSourcePage.setSubTitle(QCoreApplication.translate("WizardReceivedSourcePage", u"It is matched to the key waiting in the project and checked; nothing is installed before Finish.", None))
        self.pending_label.setText("")
        self.pem_label.setText(QCoreApplication.translate("WizardReceivedSourcePage", u"&Paste the certificate text (and its chain), or an e-mail that holds it:", None))
        self.pem_text.setPlaceholderText(QCoreApplication.translate("WizardReceivedSourcePage", u"-----BEGIN CERTIFICATE-----\n"
"\u2026\n"
"-----END CERTIFICATE-----", None))
        self.open_button.setText(QCoreApplication.translate("WizardReceivedSourcePage", u"&Open a file\u2026", None))
        self.drop_hint.setText(QCoreApplication.translate("WizardReceivedSourcePage", u"or drop it on this page: PEM, DER, .p7b, .pfx or .p12.", None))
        self.source_status.setText("")
        self.source_error.setText("")
        self.import_instead_button.setText(QCoreApplication.translate("WizardReceivedSourcePage", u"&Import It with Its Key File\u2026", None))
    # retranslateUi

